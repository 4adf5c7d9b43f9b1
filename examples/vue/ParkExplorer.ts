// A Vue 3 component around <park-map>, written with `h()` so it type-checks without a compiler:
// props in (set as element properties), the element's events into reactive state and a `select`
// emit, and its methods exposed. In templates, tell Vue the tag is a custom element instead
// (`compilerOptions.isCustomElement`, see examples/README.md).
import { defineComponent, h, ref, type PropType } from 'vue';
// Defines <park-map>. In an application: `import 'park-map';`
import '../../src/index.js';
import type {
  ParkMap,
  ParkMapLoadEvent,
  ParkMapSelectDetail,
  ParkMapSelectEvent,
} from '../../src/index.js';

export const ParkExplorer = defineComponent({
  name: 'ParkExplorer',
  props: {
    /** URL of the parks GeoJSON. */
    src: { type: String, required: true },
    lang: { type: String as PropType<'zh-CN' | 'en'>, default: 'zh-CN' },
  },
  emits: {
    /** The reader selected a feature on the map or in its list (id null: cleared). */
    select: (detail: ParkMapSelectDetail) => typeof detail === 'object',
  },
  setup(props, { emit, expose }) {
    const map = ref<ParkMap | null>(null);
    const count = ref<number | null>(null);
    const chosen = ref<ParkMapSelectDetail | null>(null);
    expose({ fitTo: (id?: string) => map.value?.fitTo(id) });

    const status = () => {
      const english = props.lang === 'en';
      if (count.value === null) return english ? 'Loading…' : '正在载入…';
      const properties = chosen.value?.properties;
      const name = properties && ((english && properties['name:en']) || properties.name);
      const selected = name ? `${english ? 'Selected' : '已选'}: ${name}` : '';
      return `${english ? 'Features' : '要素'}: ${count.value}. ${selected}`;
    };

    return () =>
      h(
        'section',
        { class: 'park-explorer', 'aria-label': props.lang === 'en' ? 'Park map' : '园区地图' },
        [
          // Vue sets `src`, `lang`, `noList`… as properties (they exist on the element) and listens
          // to `park-map-load` / `park-map-select` for `onParkMapLoad` / `onParkMapSelect`.
          h('park-map', {
            ref: map,
            src: props.src,
            lang: props.lang,
            noList: true,
            cooperativeGestures: true,
            onParkMapLoad: (event: ParkMapLoadEvent) => {
              count.value = event.detail.features.length;
            },
            onParkMapSelect: (event: ParkMapSelectEvent) => {
              chosen.value = event.detail.id === null ? null : event.detail;
              emit('select', event.detail);
            },
          }),
          // Text children: Vue escapes them.
          h('p', { class: 'park-explorer-status', role: 'status' }, status()),
          h(
            'button',
            { type: 'button', onClick: () => map.value?.fitTo() },
            props.lang === 'en' ? 'Show all' : '显示全部',
          ),
        ],
      );
  },
});
