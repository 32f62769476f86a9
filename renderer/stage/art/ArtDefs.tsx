/**
 * Shared SVG definitions: the hazard stripes of stderr crates and the filter
 * that greys out a frozen boss. Ids are fixed and prefixed `obra-`: two
 * stages on one page define them identically, so either copy serves both.
 */
import type { JSX } from 'react';

export function ArtDefs(): JSX.Element {
  return (
    <defs>
      <pattern id="obra-hazard" patternUnits="userSpaceOnUse" width={9} height={9} patternTransform="rotate(45)">
        <rect width={4.5} height={9} fill="#000" opacity={0.78} />
      </pattern>
      <pattern id="obra-hatch" patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
        <rect width={2} height={6} fill="#3E4C55" opacity={0.45} />
      </pattern>
      <filter id="obra-frozen" colorInterpolationFilters="sRGB">
        <feColorMatrix type="saturate" values="0" />
        <feComponentTransfer>
          <feFuncR type="linear" slope={0.7} intercept={0.25} />
          <feFuncG type="linear" slope={0.7} intercept={0.25} />
          <feFuncB type="linear" slope={0.7} intercept={0.25} />
        </feComponentTransfer>
      </filter>
    </defs>
  );
}
