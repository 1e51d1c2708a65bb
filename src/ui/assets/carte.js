// maillage — carte de couverture pour les coordinations : cellules H3 colorées selon
// l'accessibilité (avec légende et motif de lacune, jamais la couleur seule), zones en lacune
// classées par population, chiffres d'une cellule au clic, téléchargements GeoJSON et CSV.

import { api, el, referentiel, nombre, pluriel, fondDeCarte } from './commun.js';
import { dessiner } from './carte-dessin.js';

const $ = (id) => document.getElementById(id);
let fond = null;

// Classes d'accessibilité : du plus faible (clair) au plus fort (foncé), palette lisible en niveaux de gris.
const CLASSES = [
  { max: 0, couleur: '#fff5eb', libelle: 'aucune offre accessible' },
  { max: 0.25, couleur: '#fdd0a2', libelle: 'très faible' },
  { max: 0.5, couleur: '#fd8d3c', libelle: 'faible' },
  { max: 1, couleur: '#d94801', libelle: 'moyenne' },
  { max: Infinity, couleur: '#7f2704', libelle: 'bonne' },
];

function classe(acc, reference) {
  if (!acc) return CLASSES[0];
  const r = reference > 0 ? acc / reference : 1;
  return CLASSES.find((c) => r <= c.max) || CLASSES[CLASSES.length - 1];
}

function parametres(format) {
  const p = new URLSearchParams({
    territoire: $('territoire').value.trim(), besoin: $('besoin').value,
    resolution: $('resolution').value, rayon_km: $('rayon-carte').value, format,
  });
  return `/api/v1/couverture?${p}`;
}

async function installerBesoins() {
  const choix = $('besoin');
  try {
    const r = await referentiel('besoins');
    choix.replaceChildren(...r.groupes.map((g) => el('optgroup', { label: g.libelle },
      el('option', { value: g.code }, `${g.libelle} (tout le groupe)`),
      g.besoins.map((b) => el('option', { value: b.code }, b.libelle)))));
  } catch (e) {
    choix.replaceChildren(el('option', { value: '' }, 'indisponible'));
    $('etat').textContent = `Liste des besoins indisponible : ${e.message}`;
  }
}

function chiffresCellule(p) {
  return el('dl', { class: 'resultat' },
    el('dt', {}, 'Communes'), el('dd', {}, p.noms_communes || '—'),
    el('dt', {}, 'Population'), el('dd', {}, nombre(p.population)),
    el('dt', {}, 'Offres dans le rayon'), el('dd', {}, nombre(p.offres_dans_rayon)),
    el('dt', {}, 'Offre la plus proche'), el('dd', {}, p.distance_plus_proche_km == null ? 'aucune' : `${nombre(p.distance_plus_proche_km, 1)} km`),
    el('dt', {}, 'Accessibilité'), el('dd', {}, nombre(p.accessibilite, 3)),
    el('dt', {}, 'Offres à distance'), el('dd', {}, nombre(p.offres_a_distance)),
    el('dt', {}, 'Lacune'), el('dd', {}, p.lacune ? `oui${p.zone_lacune ? ` (zone n° ${p.zone_lacune})` : ''}` : 'non'));
}

async function afficher() {
  const bouton = $('afficher');
  const etat = $('etat');
  if (!$('territoire').value.trim() || !$('besoin').value) {
    etat.className = 'etat erreur';
    etat.textContent = 'Indiquez un territoire et un besoin.';
    return;
  }
  bouton.disabled = true;
  etat.className = 'etat';
  etat.textContent = 'Calcul de la couverture…';
  try {
    const doc = await api(parametres('geojson'));
    let points = [];
    try {
      points = await offres(doc.features || [], $('besoin').value);
    } catch {
      points = [];
    }
    rendre(doc, points);
  } catch (e) {
    etat.className = 'etat erreur';
    etat.textContent = `La couverture n’a pas pu être calculée : ${e.message}`;
  } finally {
    bouton.disabled = false;
  }
}

/** The on-site offers of `besoin` around the cells (search from their centre, 5 pages at most). */
async function offres(cellules, besoin) {
  let [o, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of cellules) {
    for (const [lon, lat] of f.geometry.coordinates[0]) {
      o = Math.min(o, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat);
    }
  }
  const centre = { lat: (s + n) / 2, lon: (o + e) / 2 };
  const kmLat = ((n - s) / 2) * 111.2;
  const kmLon = ((e - o) / 2) * 111.2 * Math.cos(centre.lat * Math.PI / 180);
  const rayon = Math.min(200, Math.max(1, Math.ceil(Math.hypot(kmLat, kmLon))));
  const points = [];
  let curseur;
  for (let i = 0; i < 5; i++) {
    const r = await api('/api/v1/recherche', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ lieu: centre, rayon_km: rayon, besoins: [{ code: besoin }], limite: 100, curseur }),
    });
    for (const x of r.resultats) {
      const p = x.service.point;
      if (x.mode === 'a_distance' || !p || p.lat < s || p.lat > n || p.lon < o || p.lon > e) continue;
      points.push({ lon: p.lon, lat: p.lat, classe: 'offre', titre: `${x.service.nom} — ${x.service.structure.nom}` });
    }
    if (!r.curseur_suivant) break;
    curseur = r.curseur_suivant;
  }
  return points;
}

function rendre(doc, points = []) {
  const cellules = doc.features || [];
  const besoin = doc.summary?.besoins?.[0] || {};
  const s = besoin.synthese || {};
  if (!cellules.length) {
    $('etat').textContent = 'Aucune cellule habitée sur ce territoire.';
    $('resultat-carte').hidden = true;
    return;
  }
  const accs = cellules.map((f) => f.properties.accessibilite).filter((a) => a > 0).sort((a, b) => a - b);
  const mediane = accs.length ? accs[Math.floor(accs.length / 2)] : 0;
  const lacunes = cellules.filter((f) => f.properties.lacune).length;
  $('etat').textContent = `${pluriel(cellules.length, 'cellule')} sur ${doc.summary?.nom_territoire || $('territoire').value}, dont ${pluriel(lacunes, 'en lacune', 'en lacune')}.`;
  $('resume').replaceChildren(el('p', {},
    `${besoin.libelle || $('besoin').value} — population ${nombre(s.population || 0)} ; couverte à moins de ${doc.summary?.rayon_km} km : ${nombre(s.part_couverte || 0, 1)} % ; `,
    `non couverte : ${nombre(s.population_non_couverte || 0)} (${nombre(s.part_non_couverte || 0, 1)} %) ; offres sur place : ${nombre(s.offres_sur_place || 0)}, à distance : ${nombre(s.offres_a_distance || 0)}.`));

  const panneau = $('cellule');
  let choisie = null;
  const montrer = (f, chemin) => {
    if (choisie) choisie.classList.remove('choisie');
    choisie = chemin;
    if (chemin) chemin.classList.add('choisie');
    panneau.replaceChildren(el('h3', { id: 'titre-cellule' }, `Cellule ${f.properties.h3}`), chiffresCellule(f.properties));
  };
  const chemins = new Map();
  const polygones = cellules.map((f) => {
    const p = f.properties;
    const c = classe(p.accessibilite, mediane);
    return {
      anneau: f.geometry.coordinates[0], remplissage: c.couleur,
      classe: p.lacune ? 'cellule lacune' : 'cellule',
      titre: `${p.noms_communes || p.h3} : ${nombre(p.population)} hab., accessibilité ${c.libelle}${p.lacune ? ', lacune' : ''}`,
      surClic: (chemin) => { chemins.set(p.h3, chemin); montrer(f, chemin); },
    };
  });
  dessiner($('carte'), {
    polygones, points, fond, titre: `Couverture ${besoin.libelle || ''} — ${doc.summary?.nom_territoire || ''}`,
    description: `${cellules.length} cellules ; ${lacunes} en lacune ; le détail est dans le tableau des zones en lacune.`, hauteur: 560,
  });
  $('legende').replaceChildren(
    ...CLASSES.map((c, i) => el('li', {}, el('span', { class: 'echantillon', 'data-couleur': c.couleur, id: `leg-${i}` }), `accessibilité ${c.libelle}`)),
    el('li', {}, el('span', { class: 'echantillon lacune' }), 'contour épais : lacune'),
    el('li', {}, el('span', { class: 'echantillon offre' }), `point noir : offre sur place (${nombre(points.length)})`));
  document.querySelectorAll('#legende .echantillon[data-couleur]').forEach((e) => { e.style.background = e.dataset.couleur; });

  const zones = besoin.zones_lacunes || [];
  $('lacunes').replaceChildren(zones.length
    ? el('table', {},
      el('caption', { class: 'visuellement-cache' }, 'Zones en lacune classées par population'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Rang'), el('th', { scope: 'col' }, 'Communes'), el('th', { scope: 'col', class: 'nombre' }, 'Population'), el('th', { scope: 'col', class: 'nombre' }, 'Offre la plus proche'))),
      el('tbody', {}, zones.map((z) => el('tr', {},
        el('td', {}, z.rang),
        el('td', {}, (z.communes || []).slice(0, 6).map((c) => c.nom).join(', ') + ((z.communes || []).length > 6 ? '…' : '')),
        el('td', { class: 'nombre' }, nombre(z.population)),
        el('td', { class: 'nombre' }, z.distance_plus_proche_km == null ? 'aucune' : `${nombre(z.distance_plus_proche_km, 1)} km`)))))
    : el('p', {}, 'Aucune zone en lacune : toute la population habitée a une offre dans le rayon.'));
  $('telecharger-geojson').href = parametres('geojson');
  $('telecharger-geojson').setAttribute('download', `couverture-${$('territoire').value.trim()}-${$('besoin').value}.geojson`);
  $('telecharger-csv').href = parametres('csv');
  $('telecharger-csv').setAttribute('download', `couverture-${$('territoire').value.trim()}-${$('besoin').value}.csv`);
  $('resultat-carte').hidden = false;
  document.body.dataset.cellules = String(cellules.length);
}

async function demarrer() {
  $('form-carte').addEventListener('submit', (e) => { e.preventDefault(); afficher(); });
  await installerBesoins();
  fond = await fondDeCarte();
  document.body.dataset.pret = 'oui';
}

demarrer();
