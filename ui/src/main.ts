performance.mark("script");
import { mount } from "svelte";
import "./styles.css";
import App from "./App.svelte";

document.documentElement.dataset.theme = localStorage.getItem("frontdesk.theme") ?? "light";
const target = document.getElementById("app");
if (target) mount(App, { target });
