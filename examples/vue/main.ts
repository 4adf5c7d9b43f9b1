// Mounts the Vue example on examples/vue/index.html (`npm start`, then /examples/vue/).
import { createApp, h } from 'vue';
import { ParkExplorer } from './ParkExplorer.js';

// Vue's compile-time flags, which @vitejs/plugin-vue defines in an application's build: this demo
// runs on the plain Vite dev server, so it sets them before the first app (Vue reads them then).
Object.assign(globalThis, {
  __VUE_OPTIONS_API__: true,
  __VUE_PROD_DEVTOOLS__: false,
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
});

createApp({
  render: () =>
    h(ParkExplorer, {
      src: '../../data/parks.geojson',
      onSelect: (detail: { id: string | null }) => console.info('park-map-select', detail.id),
    }),
}).mount('#app');
