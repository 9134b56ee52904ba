import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
// Printing any view drops the app chrome (header, navigation, toolbars), not only the report.
import './print.css';
import { installGlobalErrorHandler, showFallbackBanner } from './lib/ui/globalErrors';
import { APP } from './lib/strings/ui.sv';

// First, so that nothing that fails from here on fails silently (issue 12.4).
installGlobalErrorHandler();

const target = document.getElementById('app');
let app: ReturnType<typeof mount> | undefined;
try {
  if (!target) throw new Error('#app saknas');
  app = mount(App, { target });
} catch (e) {
  console.error(e);
  showFallbackBanner(document, APP.startFailed);
}
export default app;
