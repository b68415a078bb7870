// Simple line icons drawn for Maarid (24×24, stroke = currentColor).
const SVG = 'http://www.w3.org/2000/svg';

const PATHS = {
  home: ['M3 11l9-8 9 8', 'M5 9.5V21h5v-6h4v6h5V9.5'],
  contacts: ['M9 11.5a3.5 3.5 0 100-7 3.5 3.5 0 000 7z', 'M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5', 'M16 4.6a3.5 3.5 0 010 6.8', 'M18 14.8c1.9.7 3.1 2.5 3.5 5.2'],
  inquiries: ['M4 5h16v11H10l-6 4.5z', 'M8 9.5h8M8 12.5h5'],
  quotations: ['M6 3h9l4 4v14H6z', 'M14.5 3v4.5H19', 'M9 12h7M9 16h7'],
  catalog: ['M3.5 15.5v-3l2-4.5a2 2 0 011.8-1.2h9.4a2 2 0 011.8 1.2l2 4.5v3a1 1 0 01-1 1h-15a1 1 0 01-1-1z', 'M3.5 12h17', 'M7.5 19.5a2 2 0 100-4 2 2 0 000 4zM16.5 19.5a2 2 0 100-4 2 2 0 000 4z'],
  letters: ['M4 6h16a1 1 0 011 1v10a1 1 0 01-1 1H4a1 1 0 01-1-1V7a1 1 0 011-1z', 'M3.5 7l8.5 6 8.5-6'],
  calendar: ['M5 5h14a2 2 0 012 2v12a2 2 0 01-2 2H5a2 2 0 01-2-2V7a2 2 0 012-2z', 'M3 10h18M8 3v4M16 3v4'],
  tasks: ['M6 3h12a3 3 0 013 3v12a3 3 0 01-3 3H6a3 3 0 01-3-3V6a3 3 0 013-3z', 'M8 12l3 3 5-6'],
  reports: ['M3 21h18', 'M6.5 17v-5', 'M11.5 17V6', 'M16.5 17V9.5'],
  settings: ['M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1', 'M15 8a2 2 0 100-4 2 2 0 000 4zM9 14a2 2 0 100-4 2 2 0 000 4zM17 20a2 2 0 100-4 2 2 0 000 4z'],
  users: ['M12 11a4 4 0 100-8 4 4 0 000 8z', 'M4 21c1-4 4-6.5 8-6.5s7 2.5 8 6.5'],
  roles: ['M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z', 'M9 12l2 2 4-4'],
  audit: ['M12 21a9 9 0 100-18 9 9 0 000 18z', 'M12 7v5l3.5 2'],
  account: ['M8 19a4 4 0 100-8 4 4 0 000 8z', 'M11 12l9-9M16.5 6.5l3 3M14 9l2 2'],
  logout: ['M14 4h5v16h-5', 'M9.5 8l-4 4 4 4', 'M5.5 12H15'],
  globe: ['M12 21a9 9 0 100-18 9 9 0 000 18z', 'M3 12h18', 'M12 3c2.4 2.5 3.6 5.5 3.6 9s-1.2 6.5-3.6 9c-2.4-2.5-3.6-5.5-3.6-9S9.6 5.5 12 3z'],
  plus: ['M12 5v14M5 12h14'],
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4'],
  lock: ['M7 11h10a2 2 0 012 2v6a2 2 0 01-2 2H7a2 2 0 01-2-2v-6a2 2 0 012-2z', 'M8 11V8a4 4 0 018 0v3'],
  unlock: ['M7 11h10a2 2 0 012 2v6a2 2 0 01-2 2H7a2 2 0 01-2-2v-6a2 2 0 012-2z', 'M8 11V8a4 4 0 017.6-1.8'],
  key: ['M8 19a4 4 0 100-8 4 4 0 000 8z', 'M11 12l9-9M16.5 6.5l3 3M14 9l2 2'],
  trash: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13', 'M10 11v6M14 11v6'],
  alert: ['M12 21a9 9 0 100-18 9 9 0 000 18z', 'M12 7.5v5.5', 'M12 16.3v.4'],
  building: ['M4 21V5l8-2v18', 'M12 8h8v13', 'M2 21h20', 'M7 8h2M7 12h2M7 16h2M15 12h2M15 16h2'],
  hash: ['M5 9h14M5 15h14', 'M10 4L8 20M16 4l-2 16'],
  sliders: ['M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1', 'M15 8a2 2 0 100-4 2 2 0 000 4zM9 14a2 2 0 100-4 2 2 0 000 4zM17 20a2 2 0 100-4 2 2 0 000 4z'],
  check: ['M5 12.5l4.5 4.5L19 7'],
  tools: ['M14.5 6.5a4 4 0 00-5.3 5.3L4 17l3 3 5.2-5.2a4 4 0 005.3-5.3l-2.5 2.5-2.5-.5-.5-2.5z'],
  chevron: ['M9 6l6 6-6 6'],
  close: ['M6 6l12 12M18 6L6 18'],
  search: ['M11 18a7 7 0 100-14 7 7 0 000 14z', 'M20 20l-4-4'],
  phone: ['M6.5 3.5h3l1.5 4.5-2 1.3a11 11 0 005.7 5.7l1.3-2 4.5 1.5v3a2 2 0 01-2 2C10.5 19.5 4.5 13.5 4.5 5.5a2 2 0 012-2z'],
  mail: ['M4 6h16a1 1 0 011 1v10a1 1 0 01-1 1H4a1 1 0 01-1-1V7a1 1 0 011-1z', 'M3.5 7l8.5 6 8.5-6'],
  back: ['M19 12H5', 'M11 6l-6 6 6 6'],
  tag: ['M3.5 12.5V4.5a1 1 0 011-1h8l8 8-9 9z', 'M8 8.5v.01'],
  note: ['M6 3h12a1 1 0 011 1v16a1 1 0 01-1 1H6a1 1 0 01-1-1V4a1 1 0 011-1z', 'M8.5 8h7M8.5 12h7M8.5 16h4'],
  visit: ['M5 21V4h10v17', 'M15 6.5l4 1.5v13', 'M3 21h18', 'M12 12.5v.01'],
  merge: ['M6 4v4a4 4 0 004 4h4a4 4 0 014 4v4', 'M18 4v4a4 4 0 01-4 4', 'M15 17l3 3 3-3'],
  undo: ['M9 6L4 11l5 5', 'M4 11h10a5 5 0 010 10h-3'],
  clipboard: ['M9 4h6v3H9z', 'M9 5.5H6a1 1 0 00-1 1V20a1 1 0 001 1h12a1 1 0 001-1V6.5a1 1 0 00-1-1h-3', 'M8.5 12h7M8.5 16h5'],
  message: ['M4 5h16v11H9l-5 4z'],
  cart: ['M3 4h2.5l2.2 11h10.6L20.5 7H7', 'M9.5 20a1 1 0 100-2 1 1 0 000 2zM17 20a1 1 0 100-2 1 1 0 000 2z'],
  list: ['M9 6h11M9 12h11M9 18h11', 'M4.5 6h.01M4.5 12h.01M4.5 18h.01'],
  up: ['M12 19V5', 'M6 11l6-6 6 6'],
  down: ['M12 5v14', 'M6 13l6 6 6-6'],
  pin: ['M12 21s-7-6.2-7-11.5a7 7 0 0114 0C19 14.8 12 21 12 21z', 'M12 12a2.5 2.5 0 100-5 2.5 2.5 0 000 5z'],
  at: ['M16 12a4 4 0 11-8 0 4 4 0 018 0z', 'M16 12v1.5a2.5 2.5 0 005 0V12a9 9 0 10-3.5 7.1'],
  image: ['M5 4h14a2 2 0 012 2v12a2 2 0 01-2 2H5a2 2 0 01-2-2V6a2 2 0 012-2z', 'M3 16l5-5 4 4 3-3 6 6', 'M15.5 9.5a1.5 1.5 0 100-3 1.5 1.5 0 000 3z'],
  print: ['M7 9V3h10v6', 'M7 17H4v-7a1 1 0 011-1h14a1 1 0 011 1v7h-3', 'M7 14h10v7H7z'],
  download: ['M12 4v11', 'M7 10l5 5 5-5', 'M4 20h16'],
  copy: ['M9 9h11v11H9z', 'M5 15H4V4h11v1'],
  send: ['M4 12l16-8-6 16-3-7z', 'M11 13l9-9'],
  truck: ['M3 6h11v10H3z', 'M14 10h4l3 3v3h-7', 'M7 19a1.5 1.5 0 100-3 1.5 1.5 0 000 3zM17 19a1.5 1.5 0 100-3 1.5 1.5 0 000 3z'],
  x: ['M6 6l12 12M18 6L6 18'],
  // A sheet with an arrow coming in: importing a spreadsheet.
  import: ['M14 3H6v18h12V7z', 'M14 3v4h4', 'M12 10v7', 'M9 14l3 3 3-3'],
  upload: ['M12 16V5', 'M7 10l5-5 5 5', 'M4 20h16'],
  // The same sheet with the arrow going out: exporting.
  export: ['M14 3H6v18h12V7z', 'M14 3v4h4', 'M12 17v-7', 'M9 13l3-3 3 3'],
  folder: ['M3 6.5a1.5 1.5 0 011.5-1.5H9l2 2.5h8.5A1.5 1.5 0 0121 9v9.5a1.5 1.5 0 01-1.5 1.5h-15A1.5 1.5 0 013 18.5z'],
  grip: ['M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01'],
  bell: ['M6 16.5V11a6 6 0 0112 0v5.5l1.5 2h-15z', 'M10 20.5a2 2 0 004 0'],
  clock: ['M12 21a9 9 0 100-18 9 9 0 000 18z', 'M12 7v5l3 2'],
};

/** icon('home') → <svg class="icon"> (decorative: aria-hidden). flip mirrors it in RTL. */
export function icon(name, { flip = false, size } = {}) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', flip ? 'icon icon-flip' : 'icon');
  if (size) {
    svg.setAttribute('width', size);
    svg.setAttribute('height', size);
  }
  for (const d of PATHS[name] || []) {
    const p = document.createElementNS(SVG, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}

/** The Maarid mark: a showroom front under a roof line, in brand teal with a warm door. */
export function logoMark(size = 36) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 40 40');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'logo-mark');
  const parts = [
    ['rect', { x: 0, y: 0, width: 40, height: 40, rx: 10, fill: '#0f4c5c' }],
    ['path', { d: 'M8 18L20 9l12 9', fill: 'none', stroke: '#ffffff', 'stroke-width': 2.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }],
    ['path', { d: 'M11.5 17v13h17V17', fill: 'none', stroke: '#ffffff', 'stroke-width': 2.2, 'stroke-linejoin': 'round' }],
    ['path', { d: 'M16.5 30v-6a3.5 3.5 0 017 0v6', fill: 'none', stroke: '#e8a54b', 'stroke-width': 2.4, 'stroke-linecap': 'round' }],
    ['path', { d: 'M7 30.5h26', fill: 'none', stroke: '#e8a54b', 'stroke-width': 2.2, 'stroke-linecap': 'round' }],
  ];
  for (const [tag, attrs] of parts) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.append(el);
  }
  return svg;
}
