// maillage — page de recherche : lieu (saisie assistée, position), diagnostic et profil
// (référent) ou sujets simples (personne accompagnée), filtres à facettes, résultats expliqués,
// exclusions, parcours, carte, « charger plus » et synthèse imprimable. La recherche part en
// POST : ni le profil ni les besoins ne vont dans l'adresse ou le stockage du navigateur.

import { api, el, referentiel, libelles, libellesBesoins, nombre, pluriel, fondDeCarte } from './commun.js';
import { dessiner } from './carte-dessin.js';

const $ = (id) => document.getElementById(id);

const RAISONS = {
  rqth_requise: 'réservées aux personnes ayant une RQTH',
  age: 'hors de la tranche d’âge',
  criteres_iae: 'critères IAE non remplis',
  public: 'réservées à un autre public',
  hors_territoire: 'hors de leur zone d’intervention',
};
const STATUTS = { eligible: 'Éligible', a_confirmer: 'Éligibilité à confirmer' };
const FACETTES = [
  ['thematiques', 'Thématiques', 'thematiques'],
  ['types', 'Types d’offre', 'types'],
  ['frais', 'Frais', 'frais'],
  ['modes_accueil', 'Modes d’accueil', 'modes_accueil'],
];

const etat = {
  lieu: null, // {code_commune} | {lat, lon} | {code_postal}
  lieuLibelle: '',
  lieuPoint: null, // {lat, lon} pour la carte
  filtres: { thematiques: new Set(), types: new Set(), frais: new Set(), modes_accueil: new Set() },
  requete: null,
  reponse: null,
  resultats: [],
  libelles: {},
  enCours: null,
};

const mode = () => document.querySelector('input[name="mode"]:checked')?.value || 'referent';

// ---------------------------------------------------------------- lieu : saisie assistée

function installerLieu() {
  const champ = $('lieu');
  const liste = $('lieu-liste');
  const aide = $('lieu-aide');
  let options = [];
  let actif = -1;
  let minuterie = null;
  let numero = 0;

  const fermer = () => {
    liste.hidden = true;
    champ.setAttribute('aria-expanded', 'false');
    champ.removeAttribute('aria-activedescendant');
    actif = -1;
  };
  const choisir = (c) => {
    etat.lieu = { code_commune: c.code };
    etat.lieuLibelle = `${c.libelle} (${c.codes_postaux[0] || c.departement.code})`;
    etat.lieuPoint = c.lat != null ? { lat: c.lat, lon: c.lon } : null;
    champ.value = etat.lieuLibelle;
    aide.textContent = `Commune retenue : ${c.nom}, ${c.departement.nom}.`;
    fermer();
  };
  const surligner = (i) => {
    actif = i;
    [...liste.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0 && liste.children[i]) {
      champ.setAttribute('aria-activedescendant', liste.children[i].id);
      liste.children[i].scrollIntoView({ block: 'nearest' });
    }
  };
  const afficher = (communes, q) => {
    options = communes;
    liste.replaceChildren();
    if (!communes.length) {
      fermer();
      aide.textContent = `Aucune commune ne correspond à « ${q} ». Vérifiez l’orthographe ou essayez le code postal.`;
      return;
    }
    communes.forEach((c, i) => {
      liste.append(el('li', {
        id: `lieu-option-${i}`, role: 'option', 'aria-selected': 'false', 'data-code': c.code,
        onmousedown: (e) => { e.preventDefault(); choisir(c); },
      }, `${c.libelle} — ${c.codes_postaux.slice(0, 3).join(', ')} (${c.departement.nom})`));
    });
    liste.hidden = false;
    champ.setAttribute('aria-expanded', 'true');
    aide.textContent = `${pluriel(communes.length, 'commune proposée', 'communes proposées')} : flèches pour choisir, Entrée pour valider.`;
  };
  champ.addEventListener('input', () => {
    etat.lieu = null;
    etat.lieuPoint = null;
    const q = champ.value.trim();
    clearTimeout(minuterie);
    if (/^\d{5}$/.test(q)) etat.lieu = { code_postal: q };
    if (q.length < 2) {
      fermer();
      aide.textContent = 'Tapez au moins deux lettres ou un code postal.';
      return;
    }
    minuterie = setTimeout(async () => {
      const n = ++numero;
      try {
        const communes = await api(`/api/v1/communes?q=${encodeURIComponent(q)}&limite=8`);
        if (n === numero) afficher(communes, q);
      } catch (e) {
        if (n === numero) { fermer(); aide.textContent = `Recherche de communes impossible : ${e.message}`; }
      }
    }, 120);
  });
  champ.addEventListener('keydown', (e) => {
    if (liste.hidden || !options.length) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); surligner((actif + 1) % options.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); surligner((actif - 1 + options.length) % options.length); }
    else if (e.key === 'Enter' && actif >= 0) { e.preventDefault(); choisir(options[actif]); }
    else if (e.key === 'Escape') { e.preventDefault(); fermer(); }
  });
  champ.addEventListener('blur', () => setTimeout(fermer, 150));

  $('position').addEventListener('click', () => {
    if (!navigator.geolocation) { aide.textContent = 'Ce navigateur ne donne pas la position ; tapez la commune.'; return; }
    aide.textContent = 'Recherche de votre position…';
    navigator.geolocation.getCurrentPosition(async (p) => {
      const lat = Math.round(p.coords.latitude * 1000) / 1000;
      const lon = Math.round(p.coords.longitude * 1000) / 1000;
      etat.lieu = { lat, lon };
      etat.lieuPoint = { lat, lon };
      try {
        const c = await api(`/api/v1/communes/proche?lat=${lat}&lon=${lon}`);
        etat.lieuLibelle = `Ma position (près de ${c.nom})`;
      } catch {
        etat.lieuLibelle = 'Ma position';
      }
      champ.value = etat.lieuLibelle;
      aide.textContent = `Position retenue : ${etat.lieuLibelle}.`;
    }, () => { aide.textContent = 'Position refusée ou indisponible : tapez la commune.'; }, { timeout: 10000, maximumAge: 600000 });
  });
}

// ---------------------------------------------------------------- diagnostic et sujets

async function installerBesoins() {
  const zone = $('besoins');
  try {
    const r = await referentiel('besoins');
    zone.replaceChildren();
    for (const g of r.groupes) {
      const idg = `g-${g.code}`;
      const fs = el('fieldset', { 'data-groupe': g.code },
        el('legend', {}, g.libelle),
        el('div', { class: 'besoin' },
          el('label', { class: 'case' }, el('input', { type: 'checkbox', id: idg, value: g.code, 'data-besoin': '' }), ` ${g.libelle} : tout le groupe`),
          priorite(idg, g.libelle)));
      for (const b of g.besoins) {
        const idb = `b-${b.code}`;
        fs.append(el('div', { class: 'besoin' },
          el('label', { class: 'case' }, el('input', { type: 'checkbox', id: idb, value: b.code, 'data-besoin': '' }), ` ${b.libelle}`),
          priorite(idb, b.libelle)));
      }
      zone.append(fs);
    }
  } catch (e) {
    zone.replaceChildren(el('p', { class: 'erreur', role: 'alert' }, `Liste des besoins indisponible : ${e.message}`));
  }
}

function priorite(idCase, libelle) {
  return el('select', { id: `${idCase}-priorite`, 'aria-label': `Priorité : ${libelle}` },
    el('option', { value: '1' }, 'priorité 1'),
    el('option', { value: '2', selected: true }, 'priorité 2'),
    el('option', { value: '3' }, 'priorité 3'));
}

async function installerCategories() {
  const zone = $('categories');
  try {
    const cats = (await referentiel('categories')).valeurs;
    zone.replaceChildren(...cats.map((c) => el('label', {},
      el('input', { type: 'checkbox', value: c.code, 'data-categorie': '' }), c.libelle)));
  } catch (e) {
    zone.replaceChildren(el('p', { class: 'erreur', role: 'alert' }, `Liste des sujets indisponible : ${e.message}`));
  }
}

function changerMode() {
  const b = mode() === 'beneficiaire';
  document.body.classList.toggle('beneficiaire', b);
  $('zone-referent').hidden = b;
  $('zone-beneficiaire').hidden = !b;
  $('chercher').textContent = b ? 'Trouver de l’aide près de chez moi' : 'Rechercher';
  // L'ordre est fixé en mode personne accompagnée (accès direct d'abord).
  $('champ-tri').hidden = b;
}

// ---------------------------------------------------------------- requête

const oui = (id) => ($(id).checked ? true : undefined);
const troisEtats = (id) => ({ oui: true, non: false })[$(id).value];
const entier = (id) => ($(id).value === '' ? undefined : Number($(id).value));

function profil() {
  const p = {
    age: entier('p-age'), mois_sans_emploi: entier('p-mois'), niveau_qualification: entier('p-niveau'),
    rsa: oui('p-rsa'), ass: oui('p-ass'), aah: oui('p-aah'), rqth: oui('p-rqth'), qpv_frr: oui('p-qpv'),
    parent_isole: oui('p-parent'), ancien_ase: oui('p-ase'), sans_hebergement: oui('p-heberg'),
    refugie: oui('p-refugie'), sortant_detention: oui('p-detention'),
    permis_b: troisEtats('p-permis'), vehicule: troisEtats('p-vehicule'), autonomie_numerique: troisEtats('p-numerique'),
  };
  for (const k of Object.keys(p)) if (p[k] === undefined || Number.isNaN(p[k])) delete p[k];
  return Object.keys(p).length ? p : undefined;
}

function construireRequete() {
  const b = mode() === 'beneficiaire';
  const besoins = b
    // Catégories data·inclusion en mots simples : `mobilite` est ici la catégorie, pas le groupe de
    // besoins du diagnostic qui porte le même code.
    ? [...document.querySelectorAll('input[data-categorie]:checked')].map((c) => ({ code: c.value, genre: 'categorie' }))
    : [...document.querySelectorAll('input[data-besoin]:checked')].map((c) => ({
      code: c.value, priorite: Number($(`${c.id}-priorite`).value),
    }));
  const filtres = {};
  for (const [cle] of FACETTES) if (etat.filtres[cle].size) filtres[cle] = [...etat.filtres[cle]];
  if ($('ouvert').checked) filtres.ouvert_le = new Date().toISOString();
  const texte = $('texte').value.trim();
  const r = {
    lieu: etat.lieu, rayon_km: Number($('rayon').value), besoins,
    // La personne accompagnée voit d'abord les offres qu'elle peut mobiliser elle-même : c'est le
    // moteur qui les range ainsi, d'une page de résultats à l'autre (« charger plus » compris).
    filtres, tri: b ? 'par_soi_meme' : $('tri').value, limite: 20,
  };
  if (texte) r.texte = texte;
  if (!b) { const p = profil(); if (p) r.profil = p; }
  return r;
}

// ---------------------------------------------------------------- recherche et rendu

function annoncer(texte, classe = '') {
  const e = $('etat');
  e.className = `etat ${classe}`;
  e.textContent = texte;
}

async function rechercher({ suite = false } = {}) {
  if (!suite) {
    if (!etat.lieu) {
      const q = $('lieu').value.trim();
      if (/^\d{5}$/.test(q)) etat.lieu = { code_postal: q };
    }
    if (!etat.lieu) {
      annoncer('Indiquez d’abord un lieu : choisissez une commune dans la liste ou utilisez votre position.', 'erreur');
      $('lieu').focus();
      return;
    }
    etat.requete = construireRequete();
    if (!etat.requete.besoins.length && !etat.requete.texte) {
      annoncer(mode() === 'beneficiaire'
        ? 'Choisissez au moins un sujet (ou tapez un mot-clé).'
        : 'Cochez au moins un besoin du diagnostic (ou tapez un mot-clé).', 'erreur');
      return;
    }
  }
  const corps = { ...etat.requete };
  if (suite) corps.curseur = etat.reponse.curseur_suivant;
  const bouton = suite ? $('plus') : $('chercher');
  bouton.disabled = true;
  bouton.setAttribute('aria-busy', 'true');
  annoncer(suite ? 'Chargement des résultats suivants…' : 'Recherche en cours…');
  const numero = (etat.enCours = Symbol('recherche'));
  try {
    const rep = await api('/api/v1/recherche', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(corps),
    });
    if (numero !== etat.enCours) return;
    performance.mark('api-repondu');
    etat.reponse = rep;
    etat.resultats = suite ? etat.resultats.concat(rep.resultats) : rep.resultats;
    rendre(rep, suite);
  } catch (e) {
    if (numero !== etat.enCours) return;
    annoncer(`La recherche n’a pas abouti : ${e.message}`, 'erreur');
  } finally {
    bouton.disabled = false;
    bouton.removeAttribute('aria-busy');
  }
}

const libelleBesoin = (code) =>
  etat.libelles.besoins?.get(code) || etat.libelles.thematiques?.get(code) || etat.libelles.categories?.get(code) || code;

const parSoiMeme = (r) => (r.service.mobilisable_par || []).includes('usagers');

function rendre(rep, suite) {
  const debut = performance.now();
  const b = mode() === 'beneficiaire';
  const liste = $('liste');
  if (!suite) liste.replaceChildren();
  const depart = liste.children.length;
  const frag = document.createDocumentFragment();
  rep.resultats.forEach((r, i) => frag.append(carteResultat(r, depart + i + 1, b)));
  liste.append(frag);

  const affiches = etat.resultats.length;
  if (rep.total === 0) {
    annoncer('Aucune offre trouvée.');
    $('synthese').replaceChildren(aucunResultat(rep));
  } else {
    annoncer(`${pluriel(rep.total, 'offre trouvée', 'offres trouvées')}${affiches < rep.total ? ` — ${nombre(affiches)} affichées` : ''}.`);
    if (!suite) $('synthese').replaceChildren(...synthese(rep, b));
  }
  $('plus').hidden = !rep.curseur_suivant;
  if (!suite) rendreFacettes(rep.facettes);
  rendreCarte();
  $('actions-export').hidden = rep.total === 0 || b;
  preparerImpression();
  document.body.dataset.rendu = String(Math.round(performance.now() - debut));
  // Mesures lues par les tests navigateur : de la réponse de l'API à la fin du rendu (DOM prêt),
  // puis jusqu'à l'image suivante (style et mise en page compris).
  const mesure = suite ? 'rendu-suite' : 'rendu-resultats';
  performance.measure(mesure, 'api-repondu');
  requestAnimationFrame(() => setTimeout(() => performance.measure(`${mesure}-affiche`, 'api-repondu'), 0));
  if (!suite) $('zone-resultats').scrollIntoView({ block: 'start' });
  if (suite && liste.children[depart]) liste.children[depart].querySelector('a')?.focus();
}

function carteResultat(r, rang, b) {
  const s = r.service;
  const x = r.explication;
  const idTitre = `res-${rang}`;
  const couverts = x.besoins_couverts.map(libelleBesoin);
  const mobilisation = x.mobilisation || [];
  const soi = parSoiMeme(r);
  const details = b
    ? [
      el('dt', {}, 'Comment y aller'), el('dd', {}, soi ? 'Vous pouvez y aller ou les contacter directement.' : 'Demandez à votre conseiller ou conseillère de vous orienter.'),
      el('dt', {}, 'Distance'), el('dd', {}, x.distance),
      el('dt', {}, 'Horaires'), el('dd', {}, x.ouverture),
      s.structure.telephone ? [el('dt', {}, 'Téléphone'), el('dd', {}, el('a', { href: `tel:${s.structure.telephone}` }, s.structure.telephone))] : null,
    ]
    : [
      el('dt', {}, 'Besoins couverts'), el('dd', {}, couverts.length ? couverts.join(' ; ') : 'aucun besoin coché (trouvée par les mots-clés)'),
      x.besoins_non_couverts.length ? [el('dt', {}, 'Non couverts'), el('dd', {}, x.besoins_non_couverts.map(libelleBesoin).join(' ; '))] : null,
      el('dt', {}, 'Distance'), el('dd', {}, x.distance),
      el('dt', {}, 'Éligibilité'), el('dd', {},
        el('span', { class: `pastille ${x.eligibilite.statut}` }, STATUTS[x.eligibilite.statut] || x.eligibilite.statut),
        x.eligibilite.raisons.length ? ` — ${x.eligibilite.raisons.join(' ; ')}` : ''),
      el('dt', {}, 'Ouverture'), el('dd', {}, x.ouverture),
      el('dt', {}, 'Mobiliser'), el('dd', {}, mobilisation.length ? mobilisation.join(' ; ') : 'contacter la structure'),
    ];
  return el('li', { class: 'resultat', 'aria-labelledby': idTitre, 'data-id': s.id },
    el('h3', { id: idTitre },
      el('span', { class: 'numero', 'aria-hidden': 'true' }, rang),
      el('a', { href: `/services/${encodeURIComponent(s.id)}` }, s.nom)),
    el('p', { class: 'structure' }, s.structure.nom, s.structure.commune ? ` — ${s.structure.commune}` : ''),
    b && el('p', {}, el('span', { class: `pastille ${soi ? 'soi-meme' : 'pro'}` }, soi ? 'Accès direct' : 'Avec un professionnel')),
    el('dl', {}, details));
}

function aucunResultat(rep) {
  const exclus = Object.entries(rep.exclus || {}).filter(([, n]) => n > 0);
  const rayon = Number($('rayon').value);
  const plusGrand = [...$('rayon').options].map((o) => Number(o.value)).find((v) => v > rayon);
  const filtresActifs = FACETTES.some(([c]) => etat.filtres[c].size) || $('ouvert').checked;
  return el('section', { class: 'vide' },
    el('h3', {}, 'Pourquoi aucun résultat ?'),
    el('ul', {},
      exclus.length
        ? exclus.map(([raison, n]) => el('li', {}, `${pluriel(n, 'offre écartée', 'offres écartées')} : ${RAISONS[raison] || raison}.`))
        : el('li', {}, `Aucune offre ne répond à ces besoins à moins de ${rayon} km.`),
      filtresActifs && el('li', {}, 'Des filtres sont actifs : ils peuvent écarter des offres.')),
    el('p', { class: 'ligne' },
      plusGrand && el('button', { type: 'button', class: 'secondaire', onclick: () => { $('rayon').value = String(plusGrand); rechercher(); } }, `Élargir à ${plusGrand} km`),
      filtresActifs && el('button', { type: 'button', class: 'secondaire', onclick: () => { retirerFiltres(); rechercher(); } }, 'Retirer les filtres')));
}

function retirerFiltres() {
  for (const [c] of FACETTES) etat.filtres[c].clear();
  $('ouvert').checked = false;
}

function synthese(rep, b) {
  const blocs = [];
  const exclus = Object.entries(rep.exclus || {}).filter(([, n]) => n > 0);
  const totalExclus = exclus.reduce((s, [, n]) => s + n, 0);
  if (!b) {
    blocs.push(el('section', { id: 'exclus', 'aria-labelledby': 'titre-exclus' },
      el('h3', { id: 'titre-exclus' }, totalExclus ? `${pluriel(totalExclus, 'offre exclue', 'offres exclues')} par l’éligibilité` : 'Aucune offre exclue'),
      exclus.length ? el('ul', {}, exclus.map(([raison, n]) => el('li', { 'data-raison': raison }, `${nombre(n)} : ${RAISONS[raison] || raison}`))) : null,
      exclus.some(([r]) => r !== 'hors_territoire')
        ? el('button', { type: 'button', class: 'secondaire', id: 'voir-exclus', onclick: voirExclus }, 'Voir les offres exclues par le profil')
        : null,
      exclus.some(([r]) => r === 'hors_territoire')
        ? el('p', { class: 'aide' }, 'Les offres hors de leur zone d’intervention ne sont que comptées : elles ne peuvent pas accueillir la personne depuis ce lieu.')
        : null,
      el('div', { id: 'liste-exclus' })));
    if (rep.parcours.length) {
      blocs.push(el('section', { id: 'parcours', 'aria-labelledby': 'titre-parcours' },
        el('h3', { id: 'titre-parcours' }, 'Parcours proposé'),
        el('ol', {}, rep.parcours.map((e) => el('li', {},
          `${libelleBesoin(e.besoin)} : `,
          el('a', { href: `/services/${encodeURIComponent(e.service.id)}` }, e.service.nom),
          ` (${e.service.structure})`)))));
    }
  }
  if (rep.besoins_sans_offre.length) {
    blocs.push(el('section', { 'aria-labelledby': 'titre-sans-offre' },
      el('h3', { id: 'titre-sans-offre' }, b ? 'Sujets sans offre proche' : 'Besoins sans offre dans le rayon'),
      el('ul', {}, rep.besoins_sans_offre.map((c) => el('li', {}, libelleBesoin(c)))),
      el('p', { class: 'aide' }, 'Élargissez le rayon ou regardez les offres à distance.')));
  }
  if (rep.doublons_regroupes) {
    blocs.push(el('p', { class: 'aide' }, `${pluriel(rep.doublons_regroupes, 'doublon regroupé', 'doublons regroupés')} (la même offre publiée par plusieurs sources).`));
  }
  return blocs;
}

/** Les offres exclues : la même recherche sans le profil, moins celles qui restent éligibles. */
async function voirExclus() {
  const zone = $('liste-exclus');
  const bouton = $('voir-exclus');
  bouton.disabled = true;
  zone.replaceChildren(el('p', { role: 'status' }, 'Recherche des offres exclues…'));
  try {
    const base = { ...etat.requete, limite: 100 };
    const gardees = new Set();
    let curseur;
    for (let i = 0; i < 5; i++) {
      const r = await api('/api/v1/recherche', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, curseur }) });
      r.resultats.forEach((x) => gardees.add(x.service.id));
      if (!r.curseur_suivant) break;
      curseur = r.curseur_suivant;
    }
    const sans = { ...base };
    delete sans.profil;
    const r = await api('/api/v1/recherche', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sans) });
    const exclues = r.resultats.filter((x) => !gardees.has(x.service.id));
    zone.replaceChildren(exclues.length
      ? el('ul', {}, exclues.map((x) => el('li', {},
        el('a', { href: `/services/${encodeURIComponent(x.service.id)}` }, x.service.nom), ` — ${x.service.structure.nom}, ${x.explication.distance}`)))
      : el('p', {}, 'Aucune offre exclue par le profil parmi les 100 premières de la même recherche sans profil.'));
    bouton.hidden = true;
  } catch (e) {
    zone.replaceChildren(el('p', { class: 'erreur' }, `Impossible d’afficher les offres exclues : ${e.message}`));
    bouton.disabled = false;
  }
}

function rendreFacettes(facettes) {
  const zone = $('facettes');
  zone.replaceChildren();
  for (const [cle, titre, ref] of FACETTES) {
    const comptes = { ...(facettes?.[cle] || {}) };
    for (const c of etat.filtres[cle]) if (!(c in comptes)) comptes[c] = 0;
    const entrees = Object.entries(comptes).sort((a, b) => b[1] - a[1]);
    if (!entrees.length) continue;
    const noms = etat.libelles[ref];
    zone.append(el('fieldset', {},
      el('legend', {}, titre),
      entrees.map(([code, n]) => el('label', {},
        el('input', {
          type: 'checkbox', value: code, checked: etat.filtres[cle].has(code), 'data-facette': cle,
          onchange: (e) => { e.target.checked ? etat.filtres[cle].add(code) : etat.filtres[cle].delete(code); rechercher(); },
        }),
        `${noms?.get(code) || code} (${nombre(n)})`))));
  }
}

function rendreCarte() {
  const points = etat.resultats
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.service.point && r.mode !== 'a_distance')
    .map(({ r, i }) => ({ lon: r.service.point.lon, lat: r.service.point.lat, etiquette: String(i + 1), titre: `${i + 1}. ${r.service.nom}` }));
  const zone = $('carte-resultats');
  const cercles = etat.lieuPoint ? [{ ...etat.lieuPoint, km: etat.requete.rayon_km }] : [];
  const origine = etat.lieuPoint ? [{ ...etat.lieuPoint, classe: 'origine', titre: 'Lieu de recherche' }] : [];
  if (!points.length) { zone.hidden = true; return; }
  zone.hidden = false;
  dessiner($('carte'), {
    points: [...origine, ...points], cercles, fond: etat.fond,
    titre: 'Carte des résultats', description: `${points.length} offres sur place autour du lieu de recherche, rayon de ${etat.requete.rayon_km} km`,
  });
}

// ---------------------------------------------------------------- synthèse imprimable

function lignesSynthese() {
  const rep = etat.reponse;
  const req = etat.requete;
  const l = [];
  l.push(`Synthèse de recherche — ${new Date().toLocaleDateString('fr-FR')}`);
  l.push(`Lieu : ${etat.lieuLibelle || $('lieu').value} ; rayon ${req.rayon_km} km`);
  l.push(`Besoins : ${req.besoins.map((b) => `${libelleBesoin(b.code)}${b.priorite ? ` (priorité ${b.priorite})` : ''}`).join(' ; ') || '—'}`);
  if (rep.parcours.length) {
    l.push('', 'Parcours proposé :');
    rep.parcours.forEach((e, i) => l.push(`${i + 1}. ${libelleBesoin(e.besoin)} : ${e.service.nom} (${e.service.structure})`));
  }
  if (rep.besoins_sans_offre.length) l.push('', `Sans offre dans le rayon : ${rep.besoins_sans_offre.map(libelleBesoin).join(' ; ')}`);
  l.push('', 'Offres retenues :');
  etat.resultats.slice(0, 6).forEach((r, i) => {
    const s = r.service;
    const contact = [s.structure.telephone, s.structure.courriel].filter(Boolean).join(', ');
    l.push(`${i + 1}. ${s.nom} — ${s.structure.nom}${s.structure.commune ? `, ${s.structure.commune}` : ''} ; ${r.explication.distance} ; ${STATUTS[r.explication.eligibilite.statut] || r.explication.eligibilite.statut}${contact ? ` ; ${contact}` : ''}`);
    if (r.explication.mobilisation?.length) l.push(`   Mobiliser : ${r.explication.mobilisation.join(' ; ')}`);
  });
  const exclus = Object.entries(rep.exclus || {}).filter(([, n]) => n > 0);
  if (exclus.length) l.push('', `Offres exclues : ${exclus.map(([r, n]) => `${n} ${RAISONS[r] || r}`).join(' ; ')}`);
  return l;
}

function preparerImpression() {
  const zone = $('impression');
  if (!etat.reponse || !etat.resultats.length) { zone.replaceChildren(); return; }
  const [titre, ...reste] = lignesSynthese();
  zone.replaceChildren(el('h2', {}, titre), ...reste.map((ligne) => (ligne ? el('p', {}, ligne) : null)));
}

function exporter() {
  const texte = lignesSynthese().join('\n') + '\n';
  const url = URL.createObjectURL(new Blob([texte], { type: 'text/plain;charset=utf-8' }));
  const a = el('a', { href: url, download: 'synthese-maillage.txt' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------- démarrage

async function demarrer() {
  // Sans JavaScript, le formulaire complet reste caché au profit de la recherche simple.
  $('recherche').hidden = false;
  installerLieu();
  document.querySelectorAll('input[name="mode"]').forEach((r) => r.addEventListener('change', changerMode));
  changerMode();
  $('recherche').addEventListener('submit', (e) => { e.preventDefault(); rechercher(); });
  $('plus').addEventListener('click', () => rechercher({ suite: true }));
  $('imprimer').addEventListener('click', () => { preparerImpression(); window.print(); });
  $('exporter').addEventListener('click', exporter);
  await Promise.all([installerBesoins(), installerCategories()]);
  const [besoins, thematiques, categories, types, frais, modes] = await Promise.all([
    libellesBesoins(), libelles('thematiques'), libelles('categories'), libelles('types'), libelles('frais'), libelles('modes_accueil'),
  ].map((p) => p.catch(() => new Map())));
  etat.libelles = { besoins, thematiques, categories, types, frais, modes_accueil: modes };
  etat.fond = await fondDeCarte();
  document.body.dataset.pret = 'oui';
}

demarrer();
