import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
// Printing any view drops the app chrome (header, navigation, toolbars), not only the report.
import './print.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app saknas');
export default mount(App, { target });
