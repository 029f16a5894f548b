// Preact with htm tagged templates: components without a JSX build step.
export { html } from 'htm/preact';
export { render } from 'preact';
export { useEffect, useLayoutEffect, useMemo, useRef, useState, useCallback } from 'preact/hooks';
