import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { installOutbox } from './features/offline/install';
import { registerServiceWorker } from './features/offline/service-worker';
import { currentLocale, i18n } from './i18n';
import { createAppRouter } from './router';
import './ui/tokens.css';
import './ui/base.css';
import './ui/forms.css';

document.documentElement.lang = currentLocale();

createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).mount('#app');
// Site saves kept on the device while offline are sent when the connection returns; the service
// worker (production builds only) keeps the portal shell and the county's map available offline.
installOutbox();
registerServiceWorker();
