// maillage — dessin de cartes en SVG, sans bibliothèque ni fond téléchargé : projection
// Web Mercator des points, cercles et polygones dans une viewBox ajustée aux données, zoom et
// déplacement au clavier, à la souris ou au doigt.

const SVG = 'http://www.w3.org/2000/svg';
const R = 6378137;

/** [lon, lat] en degrés → [x, y] Web Mercator (mètres, y vers le bas pour le SVG). */
export function projeter(lon, lat) {
  const l = Math.max(-85, Math.min(85, lat)) * Math.PI / 180;
  return [R * lon * Math.PI / 180, -R * Math.log(Math.tan(Math.PI / 4 + l / 2))];
}

/** Élément SVG avec ses attributs. */
export function svgEl(nom, attributs = {}, ...enfants) {
  const e = document.createElementNS(SVG, nom);
  for (const [cle, valeur] of Object.entries(attributs)) {
    if (valeur !== undefined && valeur !== null) e.setAttribute(cle, String(valeur));
  }
  for (const enfant of enfants) if (enfant) e.append(enfant);
  return e;
}

/** Rayon en mètres Mercator d'un cercle de `km` kilomètres à la latitude `lat`. */
const rayonMercator = (km, lat) => (km * 1000) / Math.cos(lat * Math.PI / 180);

/**
 * Dessine dans `conteneur` (vidé) une carte :
 * - `polygones` : [{anneau: [[lon, lat]…], classe, remplissage, titre, surClic}]
 * - `cercles` : [{lon, lat, km, classe}]
 * - `points` : [{lon, lat, classe, etiquette, titre, lien}]
 * `titre` et `description` nomment la carte pour les lecteurs d'écran.
 * Rend {svg, recentrer()}.
 */
export function dessiner(conteneur, { polygones = [], cercles = [], points = [], titre = 'Carte', description = '', hauteur = 420, fond = null }) {
  conteneur.replaceChildren();
  const boite = [Infinity, Infinity, -Infinity, -Infinity];
  const etendre = ([x, y], marge = 0) => {
    boite[0] = Math.min(boite[0], x - marge); boite[1] = Math.min(boite[1], y - marge);
    boite[2] = Math.max(boite[2], x + marge); boite[3] = Math.max(boite[3], y + marge);
  };
  const polys = polygones.map((p) => ({ ...p, xy: p.anneau.map(([lon, lat]) => projeter(lon, lat)) }));
  polys.forEach((p) => p.xy.forEach((xy) => etendre(xy)));
  const cerc = cercles.map((c) => ({ ...c, xy: projeter(c.lon, c.lat), r: rayonMercator(c.km, c.lat) }));
  cerc.forEach((c) => etendre(c.xy, c.r));
  const pts = points.map((p) => ({ ...p, xy: projeter(p.lon, p.lat) }));
  pts.forEach((p) => etendre(p.xy));
  if (!Number.isFinite(boite[0])) return null;
  let [x0, y0, x1, y1] = boite;
  const largeurMin = 2000;
  if (x1 - x0 < largeurMin) { x0 -= largeurMin / 2; x1 += largeurMin / 2; }
  if (y1 - y0 < largeurMin) { y0 -= largeurMin / 2; y1 += largeurMin / 2; }
  const marge = 0.06 * Math.max(x1 - x0, y1 - y0);
  x0 -= marge; y0 -= marge; x1 += marge; y1 += marge;
  const largeurVue = 800;
  const echelle = largeurVue / (x1 - x0);
  const hauteurVue = Math.max(200, Math.min(hauteur * 1.6, (y1 - y0) * echelle));
  // Centre la boîte dans la hauteur retenue.
  const cy = (y0 + y1) / 2;
  y0 = cy - hauteurVue / echelle / 2;
  const vers = ([x, y]) => [((x - x0) * echelle).toFixed(1), ((y - y0) * echelle).toFixed(1)];

  const idTitre = `carte-titre-${Math.random().toString(36).slice(2, 8)}`;
  const svg = svgEl('svg', {
    class: 'carte', viewBox: `0 0 ${largeurVue} ${hauteurVue.toFixed(0)}`, role: 'img',
    'aria-labelledby': idTitre, focusable: 'false',
  }, svgEl('title', { id: idTitre }), description ? svgEl('desc', {}) : null);
  svg.querySelector('title').textContent = titre;
  if (description) svg.querySelector('desc').textContent = description;
  const monde = svgEl('g', { class: 'monde' });
  svg.append(monde);

  if (fond) tuiles(monde, fond, { x0, y0, echelle, largeurVue, hauteurVue });

  for (const p of polys) {
    const d = 'M' + p.xy.map((xy) => vers(xy).join(',')).join('L') + 'Z';
    const chemin = svgEl('path', { d, class: p.classe || 'cellule', fill: p.remplissage || 'none' });
    if (p.titre) { const t = svgEl('title'); t.textContent = p.titre; chemin.append(t); }
    if (p.surClic) chemin.addEventListener('click', () => p.surClic(chemin));
    monde.append(chemin);
  }
  for (const c of cerc) {
    const [cx, cy2] = vers(c.xy);
    monde.append(svgEl('circle', { cx, cy: cy2, r: (c.r * echelle).toFixed(1), class: c.classe || 'rayon' }));
  }
  for (const p of pts) {
    const [cx, cy2] = vers(p.xy);
    const groupe = svgEl('g', { class: 'repere' });
    const rond = svgEl('circle', { cx, cy: cy2, r: p.etiquette ? 10 : 4, class: p.classe || 'point' });
    if (p.titre) { const t = svgEl('title'); t.textContent = p.titre; rond.append(t); }
    groupe.append(rond);
    if (p.etiquette) {
      const t = svgEl('text', { x: cx, y: (Number(cy2) + 4).toFixed(1), 'text-anchor': 'middle' });
      t.textContent = p.etiquette;
      groupe.append(t);
    }
    monde.append(groupe);
  }

  // Zoom et déplacement : la transformation du groupe `monde`.
  let zoom = 1, dx = 0, dy = 0;
  const appliquer = () => monde.setAttribute('transform', `translate(${dx.toFixed(1)} ${dy.toFixed(1)}) scale(${zoom})`);
  const zoomer = (f, cx = largeurVue / 2, cy3 = hauteurVue / 2) => {
    const z = Math.max(1, Math.min(40, zoom * f));
    dx = cx - (cx - dx) * (z / zoom); dy = cy3 - (cy3 - dy) * (z / zoom); zoom = z;
    if (zoom === 1) { dx = 0; dy = 0; }
    appliquer();
  };
  const recentrer = () => { zoom = 1; dx = 0; dy = 0; appliquer(); };
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    zoomer(e.deltaY < 0 ? 1.25 : 0.8, (e.clientX - r.left) * largeurVue / r.width, (e.clientY - r.top) * largeurVue / r.width);
  }, { passive: false });
  let glisse = null;
  svg.addEventListener('pointerdown', (e) => { glisse = { x: e.clientX, y: e.clientY, dx, dy, bouge: false }; });
  svg.addEventListener('pointermove', (e) => {
    if (!glisse) return;
    const r = svg.getBoundingClientRect();
    const f = largeurVue / r.width;
    if (Math.abs(e.clientX - glisse.x) + Math.abs(e.clientY - glisse.y) > 4) glisse.bouge = true;
    if (glisse.bouge) { dx = glisse.dx + (e.clientX - glisse.x) * f; dy = glisse.dy + (e.clientY - glisse.y) * f; appliquer(); }
  });
  const fin = () => { glisse = null; };
  svg.addEventListener('pointerup', fin);
  svg.addEventListener('pointerleave', fin);

  const commandes = document.createElement('div');
  commandes.className = 'ligne commandes-carte';
  const bouton = (texte, etiquette, action) => {
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'secondaire'; b.textContent = texte;
    b.setAttribute('aria-label', etiquette);
    b.addEventListener('click', action);
    return b;
  };
  commandes.append(
    bouton('+', 'Zoomer sur la carte', () => zoomer(1.5)),
    bouton('−', 'Dézoomer', () => zoomer(1 / 1.5)),
    bouton('Recentrer', 'Recentrer la carte sur les données', recentrer),
  );
  conteneur.append(svg, commandes);
  if (fond) {
    const a = document.createElement('p');
    a.className = 'attribution';
    a.textContent = fond.attribution;
    conteneur.append(a);
  }
  return { svg, recentrer };
}

/** Raster tiles under the data layers (only when a server-side template is configured). */
function tuiles(groupe, fond, { x0, y0, echelle, largeurVue, hauteurVue }) {
  const monde = 2 * Math.PI * R;
  const z = Math.max(0, Math.min(18, Math.round(Math.log2((monde * echelle) / 256))));
  const cote = monde / 2 ** z;
  const x1 = x0 + largeurVue / echelle;
  const y1 = y0 + hauteurVue / echelle;
  const tx0 = Math.max(0, Math.floor((x0 + monde / 2) / cote));
  const tx1 = Math.min(2 ** z - 1, Math.floor((x1 + monde / 2) / cote));
  const ty0 = Math.max(0, Math.floor((y0 + monde / 2) / cote));
  const ty1 = Math.min(2 ** z - 1, Math.floor((y1 + monde / 2) / cote));
  if ((tx1 - tx0 + 1) * (ty1 - ty0 + 1) > 64) return;
  const fondG = svgEl('g', { class: 'tuiles', opacity: '0.75', 'aria-hidden': 'true' });
  for (let tx = tx0; tx <= tx1; tx++) {
    for (let ty = ty0; ty <= ty1; ty++) {
      const href = fond.modele.replace('{z}', z).replace('{x}', tx).replace('{y}', ty);
      fondG.append(svgEl('image', {
        href, x: ((tx * cote - monde / 2 - x0) * echelle).toFixed(1), y: ((ty * cote - monde / 2 - y0) * echelle).toFixed(1),
        width: (cote * echelle + 0.5).toFixed(1), height: (cote * echelle + 0.5).toFixed(1), preserveAspectRatio: 'none',
      }));
    }
  }
  groupe.append(fondG);
}
