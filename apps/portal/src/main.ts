import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { currentLocale, i18n } from './i18n';
import { createAppRouter } from './router';
import './ui/tokens.css';
import './ui/base.css';
import './ui/forms.css';

document.documentElement.lang = currentLocale();

createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).mount('#app');
