// maillage — outils communs aux pages : appels à l'API, construction du DOM, référentiels.

/** Erreur d'API avec le message lisible du problème (problem+json). */
export class ErreurApi extends Error {
  constructor(message, statut) {
    super(message);
    this.statut = statut;
  }
}

/** Appelle l'API ; rend le JSON ou lève une ErreurApi en français. */
export async function api(url, options = {}) {
  let reponse;
  try {
    reponse = await fetch(url, { headers: { accept: 'application/json' }, ...options });
  } catch {
    throw new ErreurApi('Le service ne répond pas : vérifiez la connexion puis réessayez.', 0);
  }
  const type = reponse.headers.get('content-type') || '';
  const corps = type.includes('json') ? await reponse.json().catch(() => null) : null;
  if (!reponse.ok) {
    let message = (corps && (corps.detail || corps.title)) || `erreur ${reponse.status}`;
    if (corps && Array.isArray(corps.errors) && corps.errors.length) {
      message += ' — ' + corps.errors.map((e) => `${(e.loc || []).join('.')} : ${e.msg}`).join(' ; ');
    }
    throw new ErreurApi(message, reponse.status);
  }
  return corps;
}

/** Crée un élément : el('p', {class: 'x'}, 'texte', autreElement). */
export function el(nom, attributs = {}, ...enfants) {
  const e = document.createElement(nom);
  for (const [cle, valeur] of Object.entries(attributs || {})) {
    if (valeur === undefined || valeur === null || valeur === false) continue;
    if (cle.startsWith('on') && typeof valeur === 'function') e.addEventListener(cle.slice(2), valeur);
    else if (valeur === true) e.setAttribute(cle, '');
    else e.setAttribute(cle, String(valeur));
  }
  for (const enfant of enfants.flat(Infinity)) {
    if (enfant === undefined || enfant === null || enfant === false) continue;
    e.append(enfant instanceof Node ? enfant : document.createTextNode(String(enfant)));
  }
  return e;
}

const caches = new Map();

/** Un référentiel de l'API (mis en mémoire pour la page). */
export function referentiel(nom) {
  if (!caches.has(nom)) {
    const p = api(`/api/v1/referentiels/${encodeURIComponent(nom)}`);
    p.catch(() => caches.delete(nom));
    caches.set(nom, p);
  }
  return caches.get(nom);
}

/** code → libellé d'une liste de codes data·inclusion ({valeurs: [{code, libelle}]}). */
export async function libelles(nom) {
  const r = await referentiel(nom);
  return new Map((r.valeurs || []).map((v) => [v.code, v.libelle]));
}

/** code → libellé des besoins du diagnostic, groupes compris. */
export async function libellesBesoins() {
  const r = await referentiel('besoins');
  const m = new Map();
  for (const g of r.groupes || []) {
    m.set(g.code, g.libelle);
    for (const b of g.besoins || []) m.set(b.code, b.libelle);
  }
  return m;
}

/** Nombre à la française. */
export const nombre = (n, chiffres = 0) =>
  Number(n).toLocaleString('fr-FR', { maximumFractionDigits: chiffres });

/** « 1 offre » / « 3 offres ». */
export const pluriel = (n, mot, pl = mot + 's') => `${nombre(n)} ${n > 1 ? pl : mot}`;

let fondPromis = null;

/** The optional tile background ({modele, attribution} or null), configured on the server. */
export function fondDeCarte() {
  if (!fondPromis) {
    fondPromis = api('/ui/fond.json').then((f) => (f && f.modele ? f : null)).catch(() => null);
  }
  return fondPromis;
}
