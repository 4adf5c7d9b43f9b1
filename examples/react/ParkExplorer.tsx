// A React 19 component around <park-map>: props in (typed by park-map-jsx.ts), the element's events
// into React state, and its methods through a ref. Data from the map is rendered as text by React.
import { useRef, useState } from 'react';
// Defines <park-map>. In an application: `import 'park-map';`
import '../../src/index.js';
import type { ParkMap, ParkMapSelectDetail } from '../../src/index.js';
// The JSX typing of <park-map> (types only).
import type {} from './park-map-jsx.js';

export interface ParkExplorerProps {
  /** URL of the parks GeoJSON. */
  src: string;
  lang?: 'zh-CN' | 'en';
  /** Called when the reader selects a feature on the map or in its list (id null: cleared). */
  onSelect?: (detail: ParkMapSelectDetail) => void;
}

export function ParkExplorer({ src, lang = 'zh-CN', onSelect }: ParkExplorerProps) {
  const map = useRef<ParkMap>(null);
  const [count, setCount] = useState<number | null>(null);
  const [chosen, setChosen] = useState<ParkMapSelectDetail | null>(null);
  const english = lang === 'en';
  const chosenName =
    chosen?.properties && ((english && chosen.properties['name:en']) || chosen.properties.name);

  return (
    <section className="park-explorer" aria-label={english ? 'Park map' : '园区地图'}>
      <park-map
        ref={map}
        src={src}
        lang={lang}
        noList
        cooperativeGestures
        onpark-map-load={(event) => setCount(event.detail.features.length)}
        onpark-map-select={(event) => {
          setChosen(event.detail.id === null ? null : event.detail);
          onSelect?.(event.detail);
        }}
      />
      <p className="park-explorer-status" role="status">
        {count === null
          ? english
            ? 'Loading…'
            : '正在载入…'
          : `${english ? 'Features' : '要素'}: ${count}. ${
              chosenName ? `${english ? 'Selected' : '已选'}: ${chosenName}` : ''
            }`}
      </p>
      <button type="button" onClick={() => map.current?.fitTo()}>
        {english ? 'Show all' : '显示全部'}
      </button>
    </section>
  );
}
