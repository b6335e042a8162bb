import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import BenchTables from './components/BenchTables.vue';
import ConditionalDemo from './components/ConditionalDemo.vue';
import CopulaDemo from './components/CopulaDemo.vue';
import PrivacyDemo from './components/PrivacyDemo.vue';
import './style.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('CopulaDemo', CopulaDemo);
    app.component('ConditionalDemo', ConditionalDemo);
    app.component('PrivacyDemo', PrivacyDemo);
    app.component('BenchTables', BenchTables);
  },
} satisfies Theme;
