// maillage — carte de couverture pour les coordinations : un ou plusieurs besoins demandés en un
// seul appel, cellules H3 colorées selon l'accessibilité (avec légende et motif de lacune, jamais
// la couleur seule), vue par besoin ou vue « tous les besoins choisis » (le besoin le moins
// accessible de chaque cellule), zones en lacune classées par population pour chaque besoin,
// chiffres d'une cellule besoin par besoin, téléchargements GeoJSON et CSV de toute la demande.

import { api, el, referentiel, nombre, pluriel, fondDeCarte } from './commun.js';
import { dessiner } from './carte-dessin.js';

const $ = (id) => document.getElementById(id);
const BESOINS_MAX = 20;
const TOUS = '*';
let fond = null;

// Classes d'accessibilité : du plus faible (clair) au plus fort (foncé), palette lisible en niveaux de gris.
const CLASSES = [
  { max: 0, couleur: '#fff5eb', libelle: 'aucune offre accessible' },
  { max: 0.25, couleur: '#fdd0a2', libelle: 'très faible' },
  { max: 0.5, couleur: '#fd8d3c', libelle: 'faible' },
  { max: 1, couleur: '#d94801', libelle: 'moyenne' },
  { max: Infinity, couleur: '#7f2704', libelle: 'bonne' },
];

/** Index de la classe d'une accessibilité, rapportée à la médiane du besoin sur le territoire. */
function classe(acc, reference) {
  if (!acc) return 0;
  const r = reference > 0 ? acc / reference : 1;
  const i = CLASSES.findIndex((c) => r <= c.max);
  return i < 0 ? CLASSES.length - 1 : i;
}

/** La demande affichée : territoire, besoins, résolution, rayon (figés au moment du calcul). */
let demande = null;
/** Le calcul affiché : {doc, besoins: [{code, libelle, synthese, zones, mediane, parCellule}], cellules}. */
let calcul = null;
/** Offres sur place par vue (un besoin ou tous), chargées à la demande. */
const offresParVue = new Map();

function besoinsCoches() {
  return [...document.querySelectorAll('#besoins input[data-besoin]:checked')].map((c) => c.value);
}

function adresse(d, format) {
  const p = new URLSearchParams({ territoire: d.territoire });
  for (const b of d.besoins) p.append('besoin', b);
  p.set('resolution', d.resolution);
  p.set('rayon_km', d.rayon_km);
  p.set('format', format);
  return `/api/v1/couverture?${p}`;
}

function compter() {
  const n = besoinsCoches().length;
  // Un besoin précis coché reste visible, même replié.
  for (const d of document.querySelectorAll('#besoins details')) {
    const total = d.querySelectorAll('input[data-besoin]').length;
    const coches = d.querySelectorAll('input[data-besoin]:checked').length;
    d.querySelector('summary').textContent = `Besoins précis (${total}${coches ? `, dont ${coches} coché${coches > 1 ? 's' : ''}` : ''})`;
  }
  $('besoins-compte').textContent = n
    ? `${pluriel(n, 'besoin choisi', 'besoins choisis')}${n > BESOINS_MAX ? ` : c’est trop, ${BESOINS_MAX} au plus` : ''}.`
    : 'Aucun besoin choisi.';
}

async function installerBesoins() {
  const zone = $('besoins');
  try {
    const r = await referentiel('besoins');
    zone.replaceChildren(...r.groupes.map((g, i) => el('fieldset', { 'data-groupe': g.code },
      el('legend', {}, g.libelle),
      el('label', { class: 'case' },
        el('input', { type: 'checkbox', id: `c-${g.code}`, value: g.code, 'data-besoin': '', checked: i === 0 }),
        ` ${g.libelle} : tout le groupe`),
      // Les besoins précis restent repliés : la grille des groupes tient sur un écran.
      el('details', {},
        el('summary', {}, `Besoins précis (${g.besoins.length})`),
        g.besoins.map((b) => el('label', { class: 'case' },
          el('input', { type: 'checkbox', id: `c-${b.code}`, value: b.code, 'data-besoin': '' }), ` ${b.libelle}`))))));
    zone.addEventListener('change', compter);
    compter();
  } catch (e) {
    zone.replaceChildren(el('p', { class: 'erreur', role: 'alert' }, `Liste des besoins indisponible : ${e.message}`));
  }
}

const km = (v) => (v == null ? 'aucune' : `${nombre(v, 1)} km`);

/** Chiffres d'une cellule : communes et population, puis une ligne par besoin demandé. */
function chiffresCellule(h3) {
  const c = calcul.cellules.get(h3);
  const p = c.proprietes;
  return [
    el('dl', { class: 'resultat' },
      el('dt', {}, 'Communes'), el('dd', {}, p.noms_communes || '—'),
      el('dt', {}, 'Population'), el('dd', {}, nombre(p.population))),
    el('div', { id: 'cellule-besoins' }, calcul.besoins.map((b) => {
      const q = b.parCellule.get(h3);
      if (!q) return null;
      return el('section', { class: 'cellule-besoin', 'data-besoin': b.code },
        el('h4', {}, b.libelle),
        el('dl', {},
          el('dt', {}, 'Offres dans le rayon'), el('dd', {}, nombre(q.offres_dans_rayon)),
          el('dt', {}, 'Offre la plus proche'), el('dd', {}, km(q.distance_plus_proche_km)),
          el('dt', {}, 'Accessibilité'), el('dd', {}, `${nombre(q.accessibilite, 3)} (${CLASSES[classe(q.accessibilite, b.mediane)].libelle})`),
          el('dt', {}, 'Offres à distance'), el('dd', {}, nombre(q.offres_a_distance)),
          el('dt', {}, 'Lacune'), el('dd', {}, q.lacune ? `oui${q.zone_lacune ? ` (zone n° ${q.zone_lacune})` : ''}` : 'non')));
    })),
  ];
}

async function afficher() {
  const bouton = $('afficher');
  const etat = $('etat');
  const besoins = besoinsCoches();
  const territoire = $('territoire').value.trim();
  const erreur = (texte) => { etat.className = 'etat erreur'; etat.textContent = texte; };
  if (!territoire) { erreur('Indiquez un territoire.'); $('territoire').focus(); return; }
  if (!besoins.length) { erreur('Cochez au moins un besoin.'); return; }
  if (besoins.length > BESOINS_MAX) { erreur(`Trop de besoins cochés (${besoins.length}) : ${BESOINS_MAX} au plus par calcul.`); return; }
  const d = { territoire, besoins, resolution: $('resolution').value, rayon_km: $('rayon-carte').value };
  bouton.disabled = true;
  bouton.setAttribute('aria-busy', 'true');
  etat.className = 'etat';
  etat.textContent = besoins.length > 1 ? `Calcul de la couverture pour ${besoins.length} besoins…` : 'Calcul de la couverture…';
  try {
    const doc = await api(adresse(d, 'geojson'));
    demande = d;
    calcul = preparer(doc);
    offresParVue.clear();
    await rendre();
  } catch (e) {
    erreur(`La couverture n’a pas pu être calculée : ${e.message}`);
  } finally {
    bouton.disabled = false;
    bouton.removeAttribute('aria-busy');
  }
}

/** Range le GeoJSON (une entité par besoin et par cellule) par besoin et par cellule. */
function preparer(doc) {
  const cellules = new Map();
  const besoins = (doc.summary?.besoins || []).map((b) => ({
    code: b.besoin, libelle: b.libelle || b.besoin, synthese: b.synthese || {}, zones: b.zones_lacunes || [], parCellule: new Map(),
  }));
  const parCode = new Map(besoins.map((b) => [b.code, b]));
  for (const f of doc.features || []) {
    const p = f.properties;
    if (!cellules.has(p.h3)) cellules.set(p.h3, { anneau: f.geometry.coordinates[0], proprietes: p });
    parCode.get(p.besoin)?.parCellule.set(p.h3, p);
  }
  for (const b of besoins) {
    const accs = [...b.parCellule.values()].map((p) => p.accessibilite).filter((a) => a > 0).sort((x, y) => x - y);
    b.mediane = accs.length ? accs[Math.floor(accs.length / 2)] : 0;
  }
  return { doc, besoins, cellules };
}

/** The on-site offers of the view around the cells (search from their centre, 5 pages at most). */
async function offres(vue) {
  if (offresParVue.has(vue)) return offresParVue.get(vue);
  let [o, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { anneau } of calcul.cellules.values()) {
    for (const [lon, lat] of anneau) {
      o = Math.min(o, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat);
    }
  }
  const centre = { lat: (s + n) / 2, lon: (o + e) / 2 };
  const kmLat = ((n - s) / 2) * 111.2;
  const kmLon = ((e - o) / 2) * 111.2 * Math.cos(centre.lat * Math.PI / 180);
  const rayon = Math.min(200, Math.max(1, Math.ceil(Math.hypot(kmLat, kmLon))));
  const codes = vue === TOUS ? calcul.besoins.map((b) => b.code) : [vue];
  const points = [];
  const vus = new Set();
  let curseur;
  for (let i = 0; i < 5; i++) {
    const r = await api('/api/v1/recherche', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ lieu: centre, rayon_km: rayon, besoins: codes.map((code) => ({ code })), limite: 100, curseur }),
    });
    for (const x of r.resultats) {
      const p = x.service.point;
      if (x.mode === 'a_distance' || !p || p.lat < s || p.lat > n || p.lon < o || p.lon > e || vus.has(x.service.id)) continue;
      vus.add(x.service.id);
      points.push({ lon: p.lon, lat: p.lat, classe: 'offre', titre: `${x.service.nom} — ${x.service.structure.nom}` });
    }
    if (!r.curseur_suivant) break;
    curseur = r.curseur_suivant;
  }
  offresParVue.set(vue, points);
  return points;
}

function tableauSynthese() {
  return el('table', { id: 'synthese-besoins' },
    el('caption', { class: 'visuellement-cache' }, 'Synthèse de la couverture, une ligne par besoin'),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Besoin'),
      el('th', { scope: 'col', class: 'nombre' }, `Population couverte à moins de ${calcul.doc.summary?.rayon_km} km`),
      el('th', { scope: 'col', class: 'nombre' }, 'Population non couverte'),
      el('th', { scope: 'col', class: 'nombre' }, 'Offres sur place'),
      el('th', { scope: 'col', class: 'nombre' }, 'Offres à distance'),
      el('th', { scope: 'col', class: 'nombre' }, 'Zones en lacune'))),
    el('tbody', {}, calcul.besoins.map((b) => {
      const s = b.synthese;
      return el('tr', { 'data-besoin': b.code },
        el('th', { scope: 'row' }, b.libelle),
        el('td', { class: 'nombre' }, `${nombre(s.population_couverte || 0)} (${nombre(s.part_couverte || 0, 1)} %)`),
        el('td', { class: 'nombre' }, `${nombre(s.population_non_couverte || 0)} (${nombre(s.part_non_couverte || 0, 1)} %)`),
        el('td', { class: 'nombre' }, nombre(s.offres_sur_place || 0)),
        el('td', { class: 'nombre' }, nombre(s.offres_a_distance || 0)),
        el('td', { class: 'nombre' }, nombre(s.zones_lacunes || 0)));
    })));
}

function tableauLacunes(b, titre) {
  const zones = b.zones;
  const corps = zones.length
    ? el('table', { 'data-besoin': b.code },
      el('caption', { class: titre ? 'visuellement-cache' : '' }, `Zones en lacune pour « ${b.libelle} », classées par population`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Rang'), el('th', { scope: 'col' }, 'Communes'), el('th', { scope: 'col', class: 'nombre' }, 'Population'), el('th', { scope: 'col', class: 'nombre' }, 'Offre la plus proche'))),
      el('tbody', {}, zones.map((z) => el('tr', {},
        el('td', {}, z.rang),
        el('td', {}, (z.communes || []).slice(0, 6).map((c) => c.nom).join(', ') + ((z.communes || []).length > 6 ? '…' : '')),
        el('td', { class: 'nombre' }, nombre(z.population)),
        el('td', { class: 'nombre' }, km(z.distance_plus_proche_km))))))
    : el('p', {}, `Aucune zone en lacune pour « ${b.libelle} » : toute la population habitée a une offre dans le rayon.`);
  return titre ? [el('h4', {}, b.libelle), corps] : [corps];
}

/** Remplit le choix de la vue (un besoin, ou tous quand il y en a plusieurs). */
function installerVues() {
  const choix = $('vue-besoin');
  const plusieurs = calcul.besoins.length > 1;
  choix.replaceChildren(
    plusieurs ? el('option', { value: TOUS }, `Tous les besoins choisis (${calcul.besoins.length}) : le moins accessible par cellule`) : null,
    ...calcul.besoins.map((b) => el('option', { value: b.code }, b.libelle)));
  choix.value = plusieurs ? TOUS : calcul.besoins[0]?.code;
  choix.disabled = !plusieurs;
}

async function rendre() {
  const cellules = calcul.cellules;
  if (!cellules.size) {
    $('etat').textContent = 'Aucune cellule habitée sur ce territoire.';
    $('resultat-carte').hidden = true;
    return;
  }
  installerVues();
  $('resume-tableau').replaceChildren(tableauSynthese());
  $('cellule').replaceChildren(el('h3', { id: 'titre-cellule' }, 'Cellule choisie'),
    el('p', { class: 'aide' }, 'Cliquez sur une cellule de la carte pour voir ses chiffres, besoin par besoin.'));
  const nom = calcul.doc.summary?.nom_territoire || demande.territoire;
  const suffixe = `couverture-${demande.territoire}-${demande.besoins.join('+')}`.replace(/[^\w+.-]/g, '_');
  $('telecharger-geojson').href = adresse(demande, 'geojson');
  $('telecharger-geojson').setAttribute('download', `${suffixe}.geojson`);
  $('telecharger-csv').href = adresse(demande, 'csv');
  $('telecharger-csv').setAttribute('download', `${suffixe}.csv`);
  $('resultat-carte').hidden = false;
  document.body.dataset.besoins = calcul.besoins.map((b) => b.code).join(',');
  document.body.dataset.cellulesParBesoin = JSON.stringify(Object.fromEntries(calcul.besoins.map((b) => [b.code, b.parCellule.size])));
  await rendreVue();
  $('etat').scrollIntoView({ block: 'start' });
  $('etat').textContent = `${pluriel(cellules.size, 'cellule')} sur ${nom}, ${pluriel(calcul.besoins.length, 'besoin étudié', 'besoins étudiés')}.`;
}

/** Dessine la vue choisie : carte, légende, zones en lacune. */
async function rendreVue() {
  const vue = $('vue-besoin').value;
  const tous = vue === TOUS;
  const besoins = tous ? calcul.besoins : calcul.besoins.filter((b) => b.code === vue);
  let points = [];
  try {
    points = await offres(vue);
  } catch {
    points = [];
  }
  const panneau = $('cellule');
  let choisie = null;
  const montrer = (h3, chemin) => {
    if (choisie) choisie.classList.remove('choisie');
    choisie = chemin;
    if (chemin) chemin.classList.add('choisie');
    panneau.replaceChildren(el('h3', { id: 'titre-cellule' }, `Cellule ${h3}`), ...chiffresCellule(h3));
  };
  let lacunes = 0;
  const polygones = [];
  for (const [h3, c] of calcul.cellules) {
    // La classe la plus faible parmi les besoins affichés, et les besoins en lacune ici.
    let pire = null;
    const enLacune = [];
    for (const b of besoins) {
      const p = b.parCellule.get(h3);
      if (!p) continue;
      const i = classe(p.accessibilite, b.mediane);
      if (!pire || i < pire.i) pire = { i, b };
      if (p.lacune) enLacune.push(b.libelle);
    }
    if (!pire) continue;
    if (enLacune.length) lacunes++;
    const k = CLASSES[pire.i];
    const detail = tous
      ? `accessibilité la plus faible : ${k.libelle} (${pire.b.libelle})${enLacune.length ? ` ; lacune pour ${enLacune.join(', ')}` : ''}`
      : `accessibilité ${k.libelle}${enLacune.length ? ', lacune' : ''}`;
    polygones.push({
      anneau: c.anneau, remplissage: k.couleur,
      classe: enLacune.length ? 'cellule lacune' : 'cellule',
      titre: `${c.proprietes.noms_communes || h3} : ${nombre(c.proprietes.population)} hab., ${detail}`,
      surClic: (chemin) => montrer(h3, chemin),
    });
  }
  const libelleVue = tous ? 'tous les besoins choisis' : besoins[0]?.libelle || '';
  dessiner($('carte'), {
    polygones, points, fond, titre: `Couverture — ${libelleVue} — ${calcul.doc.summary?.nom_territoire || ''}`,
    description: `${polygones.length} cellules ; ${lacunes} en lacune${tous ? ' pour au moins un besoin' : ''} ; le détail est dans les tableaux.`, hauteur: 560,
  });
  $('legende').replaceChildren(
    ...CLASSES.map((c, i) => el('li', {}, el('span', { class: 'echantillon', 'data-couleur': c.couleur, id: `leg-${i}` }), `accessibilité ${c.libelle}`)),
    el('li', {}, el('span', { class: 'echantillon lacune' }), tous ? 'contour épais : lacune pour au moins un besoin' : 'contour épais : lacune'),
    el('li', {}, el('span', { class: 'echantillon offre' }), `point noir : offre sur place (${nombre(points.length)})`));
  document.querySelectorAll('#legende .echantillon[data-couleur]').forEach((e) => { e.style.background = e.dataset.couleur; });
  $('legende-vue').textContent = tous
    ? 'Vue « tous les besoins choisis » : chaque cellule prend la classe de son besoin le moins accessible (les classes se lisent par rapport à la médiane de chaque besoin sur le territoire) ; survolez ou cliquez une cellule pour savoir lequel et voir les chiffres de chaque besoin. Les besoins ne s’additionnent pas : une cellule bien servie pour l’un peut rester en lacune pour un autre.'
    : 'Les classes se lisent par rapport à la médiane d’accessibilité de ce besoin sur le territoire ; « aucune offre accessible » : aucune offre sur place à portée.';
  $('lacunes').replaceChildren(...besoins.flatMap((b) => tableauLacunes(b, tous && besoins.length > 1)));
  document.body.dataset.vue = vue;
  document.body.dataset.cellules = String(polygones.length);
}

async function demarrer() {
  $('form-carte').addEventListener('submit', (e) => { e.preventDefault(); afficher(); });
  $('vue-besoin').addEventListener('change', () => { if (calcul) rendreVue(); });
  await installerBesoins();
  fond = await fondDeCarte();
  document.body.dataset.pret = 'oui';
}

demarrer();
