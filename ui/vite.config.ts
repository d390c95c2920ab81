import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The UI is served by Tauri from `dist/` (embedded at build time). The translation catalogue
// lives in ../assets/i18n, shared with the core and the printed forms.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, fs: { allow: [".."] } },
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    // One small bundle: the window paints sooner without extra requests.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
  },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
