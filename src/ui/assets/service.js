// maillage — fiche partageable d'une offre : /services/{id}, données de GET /api/v1/services/{id}.

import { api, el, libelles, fondDeCarte } from './commun.js';
import { dessiner } from './carte-dessin.js';

const $ = (id) => document.getElementById(id);

function ligne(titre, ...valeur) {
  const v = valeur.flat().filter((x) => x !== undefined && x !== null && x !== '');
  return v.length ? [el('dt', {}, titre), el('dd', {}, ...v)] : [];
}

const lien = (href, texte) => (href ? el('a', { href }, texte || href) : null);

async function demarrer() {
  const id = decodeURIComponent(location.pathname.replace(/^\/services\//, ''));
  let s;
  try {
    s = await api(`/api/v1/services/${encodeURIComponent(id)}`);
  } catch (e) {
    $('etat').className = 'etat erreur';
    $('etat').textContent = e.statut === 404 ? `Cette offre n’existe pas ou plus (« ${id} »).` : `Offre indisponible : ${e.message}`;
    return;
  }
  const [them, types, frais, modes, publics, mobil, pers] = await Promise.all(
    ['thematiques', 'types', 'frais', 'modes_accueil', 'publics', 'modes_mobilisation', 'personnes_mobilisatrices']
      .map((n) => libelles(n).catch(() => new Map())));
  const noms = (codes, m) => (codes || []).map((c) => m.get(c) || c).join(' ; ');
  document.title = `${s.nom} — maillage`;
  const adresse = [s.adresse, s.complement_adresse, [s.code_postal, s.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const st = s.structure || {};
  const fiche = $('fiche');
  fiche.replaceChildren(
    el('h2', {}, s.nom),
    el('p', { class: 'structure' }, 'Porté par ', st.nom || '—', st.commune ? ` (${st.commune})` : ''),
    s.description ? el('p', {}, s.description) : null,
    el('dl', { class: 'resultat' },
      ligne('Thématiques', noms(s.thematiques, them)),
      ligne('Type', s.type ? types.get(s.type) || s.type : ''),
      ligne('Frais', s.frais ? frais.get(s.frais) || s.frais : '', s.frais_precisions ? ` — ${s.frais_precisions}` : ''),
      ligne('Publics', noms(s.publics, publics), s.publics_precisions ? ` — ${s.publics_precisions}` : ''),
      ligne('Conditions d’accès', s.conditions_acces),
      ligne('Accueil', noms(s.modes_accueil, modes)),
      ligne('Adresse', adresse),
      ligne('Horaires', s.horaires_accueil?.texte),
      ligne('Comment mobiliser', noms(s.modes_mobilisation, mobil), s.mobilisation_precisions ? ` — ${s.mobilisation_precisions}` : ''),
      ligne('Qui peut mobiliser', noms(s.mobilisable_par, pers)),
      ligne('Lien de mobilisation', lien(s.lien_mobilisation)),
      ligne('Téléphone', s.telephone || st.telephone ? el('a', { href: `tel:${s.telephone || st.telephone}` }, s.telephone || st.telephone) : null),
      ligne('Courriel', s.courriel || st.courriel ? el('a', { href: `mailto:${s.courriel || st.courriel}` }, s.courriel || st.courriel) : null),
      ligne('Contact', s.contact_nom_prenom),
      ligne('Site', lien(st.site_web)),
      ligne('Source', s.source, s.date_maj ? ` — mise à jour le ${new Date(s.date_maj).toLocaleDateString('fr-FR')}` : '', s.lien_source ? [' — ', lien(s.lien_source, 'fiche d’origine')] : '')),
    s.point ? el('div', { id: 'carte-service' }) : null,
    el('p', { class: 'ecran' },
      el('button', { type: 'button', class: 'secondaire', onclick: () => window.print() }, 'Imprimer la fiche'),
      ' ',
      el('a', { class: 'bouton secondaire', href: '/' }, 'Nouvelle recherche')),
  );
  fiche.hidden = false;
  if (s.point) {
    const fond = await fondDeCarte();
    dessiner($('carte-service'), {
      fond,
      points: [{ lon: s.point.lon, lat: s.point.lat, classe: 'point', titre: s.nom }],
      cercles: [{ lon: s.point.lon, lat: s.point.lat, km: 1 }],
      titre: `Emplacement de l’offre ${s.nom}`, hauteur: 240,
    });
  }
  $('etat').textContent = '';
  document.body.dataset.pret = 'oui';
}

demarrer();
