//! Offer families: who publishes them, which réseaux carry them, and the services they offer,
//! with coherent thematiques, publics, types, fees and eligibility zones.
//!
//! Proportions are rough orders of magnitude of the data·inclusion catalog (many SIAE, food aid,
//! digital mediation and generic associations; few PLIE, Cap emploi, SIAO).

/// How a family draws the `zone_eligibilite` of its services.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PolitiqueZone {
    /// Mostly the commune or département, sometimes EPCI, région, national or unknown.
    Mixte,
    /// The département (SIAO, MDPH, CPAM, Cap emploi).
    Departement,
    /// The EPCI (PLIE, missions locales), the commune when the place has none.
    Epci,
}

/// A service template of a family.
#[derive(Debug)]
pub(crate) struct ModeleService {
    /// Name; `{de}` becomes « de Lille », « d'Acigné », « du Cateau-Cambrésis ».
    pub nom: &'static str,
    /// Type de service code.
    pub type_: &'static str,
    /// Candidate thematiques: the first is always kept, up to two more are drawn.
    pub thematiques: &'static [&'static str],
    /// Alternative publics lists; one is drawn.
    pub publics: &'static [&'static [&'static str]],
    /// Probability that the service is remote only.
    pub distance: f64,
    /// Probability that it is paid.
    pub payant: f64,
}

/// A réseau porteur with the structure names it uses (`{de}` as in [`ModeleService::nom`]).
pub(crate) type Reseau = (Option<&'static str>, &'static [&'static str]);

/// An offer family.
#[derive(Debug)]
pub(crate) struct Profil {
    /// Family code, as counted in the summary.
    pub code: &'static str,
    /// Relative weight among structures (SIAO: 0, placed one per département).
    pub poids: u32,
    /// Réseaux (one drawn per structure, uniformly) and their names.
    pub reseaux: &'static [Reseau],
    /// Sources publishing it; the first is the most frequent.
    pub sources: &'static [&'static str],
    /// Services per structure, inclusive range.
    pub nb_services: (usize, usize),
    /// Service templates.
    pub services: &'static [ModeleService],
    /// Probability that `usagers` may mobilise the services (else professionals only).
    pub usagers: f64,
    /// Zone policy.
    pub zone: PolitiqueZone,
    /// Access conditions, one drawn when present.
    pub conditions: &'static [&'static str],
    /// Family-specific description sentences.
    pub phrases: &'static [&'static str],
}

const TOUS: &[&str] = &["tous-publics"];
const DE_RSA: &[&str] = &["demandeurs-emploi", "beneficiaires-des-minimas-sociaux"];
const DE: &[&str] = &["demandeurs-emploi"];
const HANDICAP: &[&str] = &["personnes-en-situation-de-handicap"];
const JEUNES: &[&str] = &["jeunes"];
const URGENCE: &[&str] = &["personnes-en-situation-durgence"];

/// Index of the SIAO family in [`PROFILS`].
pub(crate) const SIAO: usize = 4;

/// Every family.
pub(crate) const PROFILS: &[Profil] = &[
    Profil {
        code: "siae",
        poids: 14,
        reseaux: &[
            (
                Some("aci"),
                &[
                    "Chantier d'insertion {de}",
                    "Atelier chantier d'insertion Les Jardins {de}",
                    "Ressourcerie solidaire {de}",
                ],
            ),
            (
                Some("aci"),
                &[
                    "ACI Espaces verts {de}",
                    "Chantier nature et patrimoine {de}",
                ],
            ),
            (
                Some("ai"),
                &["Association intermédiaire {de}", "Emploi Service {de}"],
            ),
            (
                Some("ei"),
                &["Entreprise d'insertion {de}", "Bâtiment Insertion {de}"],
            ),
            (
                Some("etti"),
                &["Intérim d'insertion {de}", "ETTI Tremplin {de}"],
            ),
            (
                Some("eiti"),
                &["Entreprise d'insertion par le travail indépendant {de}"],
            ),
        ],
        sources: &["emplois-de-linclusion", "dora"],
        nb_services: (1, 4),
        services: &[
            ModeleService {
                nom: "Contrat d'insertion en espaces verts",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
                    "preparer-sa-candidature--valoriser-ses-competences",
                ],
                publics: &[DE_RSA, DE],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Mise à disposition de personnel",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "trouver-un-emploi--maintien-dans-lemploi",
                ],
                publics: &[DE_RSA],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Parcours d'insertion professionnelle {de}",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
                    "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
                    "mobilite--etre-accompagne-dans-son-parcours-mobilite",
                ],
                publics: &[DE_RSA],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Postes en insertion : agent de tri",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "choisir-un-metier--confirmer-son-choix-de-metier",
                ],
                publics: &[DE_RSA, &["beneficiaires-des-minimas-sociaux"]],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 0.05,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Être éligible à l'insertion par l'activité économique (diagnostic réalisé par un prescripteur habilité).",
            "Pass IAE valide ; orientation par un prescripteur habilité.",
        ],
        phrases: &[
            "La structure propose des contrats à durée déterminée d'insertion de 4 à 24 mois, avec un accompagnement socioprofessionnel individualisé.",
            "Les salariés en parcours bénéficient de formations et de périodes de mise en situation en entreprise.",
            "Un encadrant technique accompagne chaque équipe au quotidien sur les chantiers.",
        ],
    },
    Profil {
        code: "entreprise-adaptee",
        poids: 4,
        reseaux: &[
            (
                Some("ea"),
                &["Entreprise adaptée {de}", "EA Atelier du Littoral {de}"],
            ),
            (Some("ea"), &["Entreprise adaptée Services Plus {de}"]),
            (
                Some("eatt"),
                &["Entreprise adaptée de travail temporaire {de}"],
            ),
        ],
        sources: &["emplois-de-linclusion", "dora"],
        nb_services: (1, 3),
        services: &[
            ModeleService {
                nom: "Emploi en entreprise adaptée",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "trouver-un-emploi--maintien-dans-lemploi",
                ],
                publics: &[HANDICAP],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Missions d'intérim adaptées",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "trouver-un-emploi--faire-des-candidatures-spontanees",
                ],
                publics: &[HANDICAP],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 0.3,
        zone: PolitiqueZone::Mixte,
        conditions: &["Reconnaissance de la qualité de travailleur handicapé (RQTH) requise."],
        phrases: &[
            "Au moins 55 % des salariés sont des travailleurs reconnus handicapés.",
            "Les postes sont aménagés et un accompagnement spécifique est proposé pour favoriser la transition vers d'autres employeurs.",
        ],
    },
    Profil {
        code: "esat",
        poids: 3,
        reseaux: &[(
            Some("esat"),
            &[
                "ESAT {de}",
                "ESAT Les Ateliers {de}",
                "Établissement et service d'accompagnement par le travail {de}",
            ],
        )],
        sources: &["dora", "agefiph"],
        nb_services: (1, 3),
        services: &[
            ModeleService {
                nom: "Activités professionnelles en milieu protégé",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--maintien-dans-lemploi",
                    "remobilisation--bien-etre-confiance-en-soi",
                ],
                publics: &[HANDICAP],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Stage de découverte en ESAT",
                type_: "atelier",
                thematiques: &[
                    "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
                    "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
                ],
                publics: &[HANDICAP],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 0.0,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Orientation par la CDAPH (MDPH) vers un établissement et service d'aide par le travail.",
        ],
        phrases: &[
            "L'ESAT accueille des travailleurs orientés par la MDPH et propose des activités en blanchisserie, restauration, espaces verts et conditionnement.",
            "Un soutien médico-social et éducatif accompagne l'activité professionnelle.",
        ],
    },
    Profil {
        code: "plie",
        poids: 1,
        reseaux: &[(
            Some("plie"),
            &["PLIE {de}", "Plan local pour l'insertion et l'emploi {de}"],
        )],
        sources: &["dora"],
        nb_services: (1, 3),
        services: &[
            ModeleService {
                nom: "Accompagnement renforcé PLIE",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
                    "se-former--trouver-sa-formation",
                ],
                publics: &[DE_RSA, &["beneficiaires-des-minimas-sociaux", "seniors"]],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Clauses sociales : accès à l'emploi",
                type_: "accompagnement",
                thematiques: &["trouver-un-emploi--repondre-a-des-offres-demploi"],
                publics: &[DE_RSA],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 0.1,
        zone: PolitiqueZone::Epci,
        conditions: &["Résider sur le territoire du PLIE ; orientation par un référent."],
        phrases: &[
            "Un référent unique accompagne chaque participant jusqu'à l'emploi durable et six mois après la reprise.",
            "Le PLIE mobilise les clauses sociales des marchés publics du territoire.",
        ],
    },
    Profil {
        code: "siao",
        poids: 0,
        reseaux: &[(
            Some("siao"),
            &[
                "SIAO {de}",
                "Service intégré de l'accueil et de l'orientation {de}",
            ],
        )],
        sources: &["dora"],
        nb_services: (1, 2),
        services: &[
            ModeleService {
                nom: "115 - Hébergement d'urgence",
                type_: "accompagnement",
                thematiques: &[
                    "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
                ],
                publics: &[URGENCE],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Orientation vers l'hébergement et le logement accompagné",
                type_: "accompagnement",
                thematiques: &[
                    "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
                    "logement-hebergement--louer-un-logement",
                ],
                publics: &[URGENCE],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 1.0,
        zone: PolitiqueZone::Departement,
        conditions: &[],
        phrases: &[
            "Le 115 est joignable gratuitement 24 heures sur 24 et 7 jours sur 7.",
            "Le SIAO centralise les demandes d'hébergement et les oriente vers les places disponibles du département.",
        ],
    },
    Profil {
        code: "mission-locale",
        poids: 2,
        reseaux: &[(
            Some("mission-locale"),
            &[
                "Mission locale {de}",
                "Mission locale pour l'emploi des jeunes {de}",
            ],
        )],
        sources: &["dora", "france-travail"],
        nb_services: (2, 6),
        services: &[
            ModeleService {
                nom: "Contrat d'engagement jeune",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
                    "se-former--trouver-sa-formation",
                ],
                publics: &[JEUNES],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Aide au permis de conduire pour les jeunes",
                type_: "aide-financiere",
                thematiques: &[
                    "mobilite--preparer-un-permis",
                    "mobilite--financer-ma-mobilite",
                ],
                publics: &[JEUNES],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Point accueil logement jeunes",
                type_: "information",
                thematiques: &[
                    "logement-hebergement--louer-un-logement",
                    "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
                ],
                publics: &[JEUNES],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Atelier CV et lettre de motivation",
                type_: "atelier",
                thematiques: &[
                    "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
                    "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
                ],
                publics: &[JEUNES],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Espace santé jeunes",
                type_: "information",
                thematiques: &["sante--acces-aux-soins", "sante--sante-mentale"],
                publics: &[JEUNES],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 0.9,
        zone: PolitiqueZone::Epci,
        conditions: &["Avoir entre 16 et 25 ans et être sorti du système scolaire."],
        phrases: &[
            "La mission locale accompagne les jeunes de 16 à 25 ans dans tous les domaines : emploi, formation, santé, logement, mobilité.",
            "Chaque jeune est suivi par un conseiller référent.",
        ],
    },
    Profil {
        code: "cap-emploi",
        poids: 1,
        reseaux: &[(Some("cap-emploi-reseau-cheops"), &["Cap emploi {de}"])],
        sources: &["france-travail", "dora"],
        nb_services: (1, 3),
        services: &[
            ModeleService {
                nom: "Accompagnement vers l'emploi des personnes handicapées",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "choisir-un-metier--confirmer-son-choix-de-metier",
                ],
                publics: &[HANDICAP],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Maintien dans l'emploi",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--maintien-dans-lemploi",
                    "sante--constituer-un-dossier-mdph-invalidite",
                ],
                publics: &[HANDICAP, &["personnes-en-situation-de-handicap", "actifs"]],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 0.6,
        zone: PolitiqueZone::Departement,
        conditions: &["Bénéficier d'une RQTH ou avoir une demande en cours auprès de la MDPH."],
        phrases: &[
            "Cap emploi accompagne les personnes en situation de handicap et les employeurs pour le recrutement et le maintien dans l'emploi.",
        ],
    },
    Profil {
        code: "france-travail",
        poids: 2,
        reseaux: &[(
            Some("france-travail"),
            &[
                "France Travail {commune}",
                "Agence France Travail {commune}",
            ],
        )],
        sources: &["france-travail"],
        nb_services: (3, 8),
        services: &[
            ModeleService {
                nom: "Inscription et accompagnement des demandeurs d'emploi",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
                ],
                publics: &[TOUS, DE],
                distance: 0.2,
                payant: 0.0,
            },
            ModeleService {
                nom: "Atelier « Réussir son entretien d'embauche »",
                type_: "atelier",
                thematiques: &["trouver-un-emploi--convaincre-un-recruteur-en-entretien"],
                publics: &[DE],
                distance: 0.3,
                payant: 0.0,
            },
            ModeleService {
                nom: "Aide à la mobilité",
                type_: "aide-financiere",
                thematiques: &["mobilite--financer-ma-mobilite"],
                publics: &[DE],
                distance: 0.5,
                payant: 0.0,
            },
            ModeleService {
                nom: "Financement de formation",
                type_: "aide-financiere",
                thematiques: &[
                    "se-former--monter-son-dossier-de-formation",
                    "se-former--trouver-sa-formation",
                ],
                publics: &[DE],
                distance: 0.3,
                payant: 0.0,
            },
            ModeleService {
                nom: "Accompagnement global",
                type_: "accompagnement",
                thematiques: &[
                    "trouver-un-emploi--repondre-a-des-offres-demploi",
                    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
                    "logement-hebergement--se-maintenir-dans-le-logement",
                ],
                publics: &[DE_RSA],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Créer ou reprendre une entreprise",
                type_: "atelier",
                thematiques: &[
                    "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
                    "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
                ],
                publics: &[DE],
                distance: 0.4,
                payant: 0.0,
            },
        ],
        usagers: 0.8,
        zone: PolitiqueZone::Mixte,
        conditions: &[],
        phrases: &[
            "L'agence accueille les demandeurs d'emploi et les entreprises du bassin d'emploi.",
            "Les rendez-vous peuvent se tenir en agence, par téléphone ou en visioconférence.",
        ],
    },
    Profil {
        code: "mobilite",
        poids: 3,
        reseaux: &[
            (
                Some("wimoov"),
                &["Wimoov {de}", "Plateforme mobilité Wimoov {de}"],
            ),
            (
                Some("mobin"),
                &["Plateforme mobilité {de}", "Mob'In {commune}"],
            ),
        ],
        sources: &["dora", "mes-aides"],
        nb_services: (2, 5),
        services: &[
            ModeleService {
                nom: "Bilan de compétences mobilité",
                type_: "accompagnement",
                thematiques: &[
                    "mobilite--etre-accompagne-dans-son-parcours-mobilite",
                    "mobilite--financer-ma-mobilite",
                ],
                publics: &[DE_RSA, JEUNES, TOUS],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Location de véhicules à tarif solidaire",
                type_: "aide-materielle",
                thematiques: &["mobilite--acceder-a-un-vehicule"],
                publics: &[DE_RSA],
                distance: 0.0,
                payant: 0.7,
            },
            ModeleService {
                nom: "Apprendre à se déplacer en transports en commun",
                type_: "atelier",
                thematiques: &[
                    "mobilite--mobilite-douce-partagee-collective",
                    "mobilite--etre-accompagne-dans-son-parcours-mobilite",
                ],
                publics: &[TOUS, &["personnes-exilees"]],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Prêt de vélos et trottinettes",
                type_: "aide-materielle",
                thematiques: &[
                    "mobilite--mobilite-douce-partagee-collective",
                    "mobilite--acceder-a-un-vehicule",
                ],
                publics: &[DE_RSA, JEUNES],
                distance: 0.0,
                payant: 0.3,
            },
            ModeleService {
                nom: "Conseil mobilité à distance",
                type_: "information",
                thematiques: &["mobilite--etre-accompagne-dans-son-parcours-mobilite"],
                publics: &[TOUS],
                distance: 1.0,
                payant: 0.0,
            },
        ],
        usagers: 0.4,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Sur prescription d'un référent emploi ou social.",
            "Être en parcours d'insertion ou en reprise d'emploi.",
        ],
        phrases: &[
            "Un conseiller mobilité établit un diagnostic des freins au déplacement et construit un plan d'action.",
            "Les solutions proposées vont du transport en commun au véhicule en location solidaire.",
        ],
    },
    Profil {
        code: "garage-solidaire",
        poids: 2,
        reseaux: &[(
            None,
            &[
                "Garage solidaire {de}",
                "Garage associatif Roule ma poule {de}",
            ],
        )],
        sources: &["dora", "mes-aides"],
        nb_services: (1, 3),
        services: &[
            ModeleService {
                nom: "Garage solidaire {de}",
                type_: "aide-materielle",
                thematiques: &["mobilite--entretenir-reparer-son-vehicule"],
                publics: &[DE_RSA, &["beneficiaires-des-minimas-sociaux"]],
                distance: 0.0,
                payant: 0.9,
            },
            ModeleService {
                nom: "Vente de véhicules d'occasion à prix solidaire",
                type_: "aide-materielle",
                thematiques: &[
                    "mobilite--acceder-a-un-vehicule",
                    "mobilite--financer-ma-mobilite",
                ],
                publics: &[DE_RSA],
                distance: 0.0,
                payant: 1.0,
            },
            ModeleService {
                nom: "Atelier d'autoréparation",
                type_: "atelier",
                thematiques: &["mobilite--entretenir-reparer-son-vehicule"],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.5,
            },
        ],
        usagers: 0.2,
        zone: PolitiqueZone::Mixte,
        conditions: &["Sur prescription d'un travailleur social, sous conditions de ressources."],
        phrases: &[
            "Les réparations sont facturées au prix des pièces, la main-d'œuvre est prise en charge.",
            "Le garage emploie des salariés en insertion encadrés par des mécaniciens.",
        ],
    },
    Profil {
        code: "auto-ecole-sociale",
        poids: 1,
        reseaux: &[(
            None,
            &["Auto-école sociale {de}", "Auto-école solidaire {de}"],
        )],
        sources: &["dora", "mes-aides"],
        nb_services: (1, 2),
        services: &[
            ModeleService {
                nom: "Préparation au permis B",
                type_: "formation",
                thematiques: &["mobilite--preparer-un-permis"],
                publics: &[DE_RSA, JEUNES],
                distance: 0.0,
                payant: 0.6,
            },
            ModeleService {
                nom: "Code de la route adapté",
                type_: "formation",
                thematiques: &[
                    "mobilite--preparer-un-permis",
                    "lecture-ecriture-calcul--maitriser-le-francais",
                ],
                publics: &[DE_RSA, &["personnes-exilees"]],
                distance: 0.0,
                payant: 0.3,
            },
        ],
        usagers: 0.1,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Sur prescription d'un référent (France Travail, mission locale, département).",
        ],
        phrases: &[
            "La formation est adaptée aux personnes en difficulté avec l'écrit, avec une pédagogie en petits groupes.",
        ],
    },
    Profil {
        code: "sante",
        poids: 7,
        reseaux: &[
            (
                Some("cmp"),
                &["Centre médico-psychologique {de}", "CMP adultes {de}"],
            ),
            (
                Some("csapa"),
                &["CSAPA {de}", "Centre de soins en addictologie {de}"],
            ),
            (
                Some("cpam"),
                &[
                    "CPAM - Accueil {de}",
                    "Caisse primaire d'assurance maladie {de}",
                ],
            ),
            (
                Some("cms"),
                &["Centre municipal de santé {de}", "Centre de santé {de}"],
            ),
        ],
        sources: &["soliguide", "dora"],
        nb_services: (1, 4),
        services: &[
            ModeleService {
                nom: "Consultations de psychologue",
                type_: "accompagnement",
                thematiques: &[
                    "sante--sante-mentale",
                    "remobilisation--bien-etre-confiance-en-soi",
                ],
                publics: &[TOUS],
                distance: 0.05,
                payant: 0.1,
            },
            ModeleService {
                nom: "Accompagnement en addictologie",
                type_: "accompagnement",
                thematiques: &["sante--addictions", "sante--acces-aux-soins"],
                publics: &[TOUS],
                distance: 0.05,
                payant: 0.0,
            },
            ModeleService {
                nom: "Ouverture des droits à l'assurance maladie",
                type_: "information",
                thematiques: &[
                    "sante--acces-aux-soins",
                    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
                ],
                publics: &[TOUS],
                distance: 0.2,
                payant: 0.0,
            },
            ModeleService {
                nom: "Consultations de médecine générale",
                type_: "accompagnement",
                thematiques: &["sante--acces-aux-soins"],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.3,
            },
            ModeleService {
                nom: "Dépistage et santé sexuelle",
                type_: "information",
                thematiques: &["sante--sante-sexuelle", "sante--acces-aux-soins"],
                publics: &[TOUS, JEUNES],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 0.95,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Accueil sans rendez-vous le matin.",
            "Consultations anonymes et gratuites.",
        ],
        phrases: &[
            "L'équipe pluridisciplinaire réunit médecins, infirmiers, psychologues et travailleurs sociaux.",
            "Les consultations sont confidentielles.",
        ],
    },
    Profil {
        code: "aide-alimentaire",
        poids: 8,
        reseaux: &[
            (
                Some("banques-alimentaires"),
                &[
                    "Épicerie solidaire {de}",
                    "Banque alimentaire - antenne {de}",
                ],
            ),
            (
                Some("restos-du-coeur"),
                &[
                    "Restos du cœur - centre {de}",
                    "Les Restaurants du cœur {de}",
                ],
            ),
            (
                Some("secours-populaire"),
                &["Secours populaire - comité {de}"],
            ),
            (
                Some("croix-rouge"),
                &["Croix-Rouge française - unité locale {de}"],
            ),
        ],
        sources: &["soliguide", "dora"],
        nb_services: (1, 4),
        services: &[
            ModeleService {
                nom: "Distribution de colis alimentaires",
                type_: "aide-materielle",
                thematiques: &["equipement-et-alimentation--alimentation"],
                publics: &[TOUS, &["familles", "beneficiaires-des-minimas-sociaux"]],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Épicerie solidaire",
                type_: "aide-materielle",
                thematiques: &[
                    "equipement-et-alimentation--alimentation",
                    "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
                ],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.8,
            },
            ModeleService {
                nom: "Vestiaire solidaire",
                type_: "aide-materielle",
                thematiques: &["equipement-et-alimentation--habillement"],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.4,
            },
            ModeleService {
                nom: "Petits-déjeuners et repas chauds",
                type_: "aide-materielle",
                thematiques: &[
                    "equipement-et-alimentation--alimentation",
                    "remobilisation--lien-social",
                ],
                publics: &[TOUS, URGENCE],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 1.0,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Inscription sur présentation d'un justificatif de ressources.",
            "Accès sans condition.",
        ],
        phrases: &[
            "Les bénévoles accueillent les familles lors des distributions hebdomadaires.",
            "Des produits frais, d'hygiène et pour bébé sont proposés selon les arrivages.",
        ],
    },
    Profil {
        code: "budget",
        poids: 3,
        reseaux: &[
            (
                Some("points-conseil-budget"),
                &["Point conseil budget {de}"],
            ),
            (Some("cresus"), &["Crésus - antenne {de}"]),
        ],
        sources: &["dora", "mes-aides"],
        nb_services: (1, 3),
        services: &[
            ModeleService {
                nom: "Conseil budgétaire confidentiel",
                type_: "accompagnement",
                thematiques: &[
                    "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
                    "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
                    "difficultes-financieres--acquerir-une-autonomie-budgetaire",
                ],
                publics: &[TOUS],
                distance: 0.2,
                payant: 0.0,
            },
            ModeleService {
                nom: "Accompagnement au dossier de surendettement",
                type_: "accompagnement",
                thematiques: &[
                    "difficultes-financieres--situation-dendettement-surendettement",
                    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
                ],
                publics: &[TOUS],
                distance: 0.2,
                payant: 0.0,
            },
            ModeleService {
                nom: "Atelier « Gérer son budget au quotidien »",
                type_: "atelier",
                thematiques: &["difficultes-financieres--acquerir-une-autonomie-budgetaire"],
                publics: &[TOUS, &["familles"]],
                distance: 0.1,
                payant: 0.0,
            },
        ],
        usagers: 0.9,
        zone: PolitiqueZone::Mixte,
        conditions: &[],
        phrases: &[
            "Le conseiller analyse avec vous l'ensemble des revenus et des charges du foyer.",
            "L'accompagnement est gratuit, confidentiel et ouvert à tous.",
        ],
    },
    Profil {
        code: "numerique",
        poids: 8,
        reseaux: &[
            (
                Some("conseillers-numeriques"),
                &["Espace numérique {de}", "Médiathèque {de}"],
            ),
            (
                Some("france-service"),
                &["France services {de}", "Espace France services {de}"],
            ),
            (
                Some("espaces-publics-numeriques"),
                &["Espace public numérique {de}", "Cyber-base {de}"],
            ),
        ],
        sources: &["mediation-numerique", "dora"],
        nb_services: (1, 5),
        services: &[
            ModeleService {
                nom: "Ateliers d'initiation à l'informatique",
                type_: "atelier",
                thematiques: &["numerique--maitriser-les-fondamentaux-du-numerique"],
                publics: &[TOUS, &["seniors"]],
                distance: 0.05,
                payant: 0.1,
            },
            ModeleService {
                nom: "Accompagnement aux démarches en ligne",
                type_: "accompagnement",
                thematiques: &[
                    "numerique--acceder-a-des-services-en-ligne",
                    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
                ],
                publics: &[TOUS],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Accès libre à un ordinateur et à internet",
                type_: "aide-materielle",
                thematiques: &["numerique--acceder-a-une-connexion-internet"],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Ordinateurs reconditionnés à prix solidaire",
                type_: "aide-materielle",
                thematiques: &["numerique--acquerir-un-equipement"],
                publics: &[DE_RSA, JEUNES],
                distance: 0.0,
                payant: 0.9,
            },
            ModeleService {
                nom: "Accès aux droits CAF, impôts, retraite",
                type_: "information",
                thematiques: &[
                    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
                    "numerique--acceder-a-des-services-en-ligne",
                ],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.0,
            },
        ],
        usagers: 1.0,
        zone: PolitiqueZone::Mixte,
        conditions: &[],
        phrases: &[
            "Un conseiller numérique vous accompagne pas à pas, à votre rythme.",
            "Des postes informatiques, une imprimante et un scanner sont en accès libre.",
        ],
    },
    Profil {
        code: "logement",
        poids: 5,
        reseaux: &[
            (
                Some("chrs"),
                &[
                    "CHRS {de}",
                    "Centre d'hébergement et de réinsertion sociale {de}",
                ],
            ),
            (
                Some("residences-fjt"),
                &[
                    "Résidence habitat jeunes {de}",
                    "Foyer de jeunes travailleurs {de}",
                ],
            ),
            (Some("action-logement"), &["Action Logement - agence {de}"]),
            (
                None,
                &[
                    "Agence immobilière à vocation sociale {de}",
                    "ADIL - permanence {de}",
                ],
            ),
        ],
        sources: &["dora", "action-logement", "soliguide"],
        nb_services: (1, 4),
        services: &[
            ModeleService {
                nom: "Hébergement et accompagnement social",
                type_: "accompagnement",
                thematiques: &[
                    "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
                    "logement-hebergement--louer-un-logement",
                ],
                publics: &[URGENCE, &["personnes-en-situation-durgence", "femmes"]],
                distance: 0.0,
                payant: 0.3,
            },
            ModeleService {
                nom: "Logement temporaire pour jeunes actifs",
                type_: "aide-materielle",
                thematiques: &["logement-hebergement--louer-un-logement"],
                publics: &[JEUNES, &["jeunes", "actifs"]],
                distance: 0.0,
                payant: 1.0,
            },
            ModeleService {
                nom: "Aide au paiement du dépôt de garantie",
                type_: "aide-financiere",
                thematiques: &[
                    "logement-hebergement--louer-un-logement",
                    "logement-hebergement--changer-de-logement",
                ],
                publics: &[&["actifs"], JEUNES],
                distance: 0.6,
                payant: 0.0,
            },
            ModeleService {
                nom: "Prévention des expulsions locatives",
                type_: "accompagnement",
                thematiques: &[
                    "logement-hebergement--reduire-les-impayes-de-loyer",
                    "logement-hebergement--se-maintenir-dans-le-logement",
                ],
                publics: &[TOUS],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Information juridique sur le logement",
                type_: "information",
                thematiques: &[
                    "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
                    "logement-hebergement--acheter-un-logement",
                ],
                publics: &[TOUS],
                distance: 0.3,
                payant: 0.0,
            },
        ],
        usagers: 0.7,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Sur orientation du SIAO.",
            "Être salarié d'une entreprise du secteur privé.",
        ],
        phrases: &[
            "Un travailleur social accompagne chaque ménage vers un logement autonome.",
            "Les démarches d'accès au logement social sont expliquées lors d'un premier rendez-vous.",
        ],
    },
    Profil {
        code: "famille",
        poids: 6,
        reseaux: &[
            (
                Some("cidff"),
                &[
                    "CIDFF {de}",
                    "Centre d'information sur les droits des femmes et des familles {de}",
                ],
            ),
            (Some("caf"), &["CAF - point d'accueil {de}"]),
            (
                Some("ccas-cias"),
                &["CCAS {de}", "Centre communal d'action sociale {de}"],
            ),
            (
                None,
                &[
                    "Maison des familles {de}",
                    "Relais petite enfance {de}",
                    "Centre social {de}",
                ],
            ),
        ],
        sources: &["dora", "monenfant", "soliguide"],
        nb_services: (1, 5),
        services: &[
            ModeleService {
                nom: "Soutien à la parentalité",
                type_: "atelier",
                thematiques: &["famille--soutien-a-la-parentalite-et-a-leducation"],
                publics: &[&["familles"]],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Accueil des victimes de violences conjugales",
                type_: "accompagnement",
                thematiques: &[
                    "famille--surmonter-conflits-separation-violence",
                    "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
                ],
                publics: &[&["femmes"], &["femmes", "familles"]],
                distance: 0.2,
                payant: 0.0,
            },
            ModeleService {
                nom: "Recherche d'un mode de garde",
                type_: "information",
                thematiques: &["famille--garde-denfants"],
                publics: &[&["familles"], TOUS],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Soutien aux aidants familiaux",
                type_: "accompagnement",
                thematiques: &[
                    "famille--soutien-aidants",
                    "famille--prise-en-charge-personne-dependante",
                ],
                publics: &[TOUS, &["seniors"]],
                distance: 0.2,
                payant: 0.0,
            },
            ModeleService {
                nom: "Aide alimentaire et secours d'urgence",
                type_: "aide-financiere",
                thematiques: &[
                    "equipement-et-alimentation--alimentation",
                    "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
                ],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Café des parents et sorties familiales",
                type_: "atelier",
                thematiques: &[
                    "remobilisation--lien-social",
                    "famille--soutien-a-la-parentalite-et-a-leducation",
                ],
                publics: &[&["familles"]],
                distance: 0.0,
                payant: 0.2,
            },
        ],
        usagers: 0.9,
        zone: PolitiqueZone::Mixte,
        conditions: &["Résider dans la commune.", "Sur rendez-vous."],
        phrases: &[
            "L'équipe reçoit les familles sur rendez-vous ou lors des permanences.",
            "Les échanges sont confidentiels.",
        ],
    },
    Profil {
        code: "association",
        poids: 15,
        reseaux: &[
            (
                None,
                &[
                    "Association Tremplin {de}",
                    "Association Rebond {de}",
                    "Maison de l'emploi {de}",
                    "Centre social et culturel {de}",
                ],
            ),
            (
                Some("maisons-de-l-emploi"),
                &["Maison de l'emploi et de la formation {de}"],
            ),
            (Some("mjc"), &["MJC {de}"]),
            (
                Some("la-cravate-solidaire"),
                &["La Cravate Solidaire {commune}"],
            ),
            (Some("reseau-bge"), &["BGE - antenne {de}"]),
            (Some("adie"), &["Adie - antenne {de}"]),
        ],
        sources: &["dora", "soliguide", "reseau-alpha", "carif-oref"],
        nb_services: (1, 6),
        services: &[
            ModeleService {
                nom: "Atelier CV et lettre de motivation",
                type_: "atelier",
                thematiques: &[
                    "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
                    "preparer-sa-candidature--valoriser-ses-competences",
                    "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
                ],
                publics: &[TOUS, DE],
                distance: 0.15,
                payant: 0.0,
            },
            ModeleService {
                nom: "Cours de français langue étrangère",
                type_: "formation",
                thematiques: &["lecture-ecriture-calcul--maitriser-le-francais"],
                publics: &[&["personnes-exilees"], TOUS],
                distance: 0.1,
                payant: 0.2,
            },
            ModeleService {
                nom: "Ateliers savoirs de base : lire, écrire, compter",
                type_: "formation",
                thematiques: &[
                    "lecture-ecriture-calcul--maitriser-le-francais",
                    "lecture-ecriture-calcul--maitriser-le-calcul",
                ],
                publics: &[TOUS],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Club de recherche d'emploi",
                type_: "atelier",
                thematiques: &[
                    "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
                    "preparer-sa-candidature--developper-son-reseau",
                    "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
                ],
                publics: &[DE, TOUS],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Prêt de tenue pour l'entretien d'embauche",
                type_: "aide-materielle",
                thematiques: &[
                    "equipement-et-alimentation--habillement",
                    "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
                ],
                publics: &[DE_RSA],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Accompagnement à la création d'entreprise",
                type_: "accompagnement",
                thematiques: &[
                    "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
                    "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
                    "creer-une-entreprise--developper-son-entreprise",
                ],
                publics: &[TOUS, DE_RSA],
                distance: 0.3,
                payant: 0.1,
            },
            ModeleService {
                nom: "Activités sportives et culturelles",
                type_: "atelier",
                thematiques: &[
                    "remobilisation--activites-sportives-et-culturelles",
                    "remobilisation--lien-social",
                    "remobilisation--bien-etre-confiance-en-soi",
                ],
                publics: &[TOUS, JEUNES],
                distance: 0.0,
                payant: 0.4,
            },
            ModeleService {
                nom: "Découverte des métiers",
                type_: "atelier",
                thematiques: &[
                    "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
                    "choisir-un-metier--connaitre-les-opportunites-demploi",
                    "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
                ],
                publics: &[TOUS, JEUNES, DE],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Bénévolat et engagement citoyen",
                type_: "information",
                thematiques: &[
                    "remobilisation--benevolat-action-citoyenne",
                    "remobilisation--lien-social",
                ],
                publics: &[TOUS],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Travailler à l'étranger",
                type_: "information",
                thematiques: &[
                    "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
                    "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
                    "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
                ],
                publics: &[TOUS, JEUNES],
                distance: 0.7,
                payant: 0.0,
            },
            ModeleService {
                nom: "Permanence d'accès aux droits",
                type_: "information",
                thematiques: &[
                    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
                    "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
                    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
                ],
                publics: &[
                    TOUS,
                    &["personnes-exilees"],
                    &["personnes-en-situation-juridique-specifique"],
                ],
                distance: 0.1,
                payant: 0.0,
            },
            ModeleService {
                nom: "Mesure d'accompagnement social personnalisé",
                type_: "accompagnement",
                thematiques: &[
                    "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
                    "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
                ],
                publics: &[&["beneficiaires-des-minimas-sociaux"], TOUS],
                distance: 0.0,
                payant: 0.0,
            },
            ModeleService {
                nom: "Aide ménagère et petit électroménager",
                type_: "aide-materielle",
                thematiques: &[
                    "equipement-et-alimentation--electromenager",
                    "equipement-et-alimentation--aide-menagere",
                ],
                publics: &[TOUS, &["seniors"]],
                distance: 0.0,
                payant: 0.5,
            },
            ModeleService {
                nom: "Orientation vers une formation qualifiante",
                type_: "accompagnement",
                thematiques: &[
                    "se-former--trouver-sa-formation",
                    "se-former--monter-son-dossier-de-formation",
                ],
                publics: &[TOUS, DE, &["residents-qpv-frr"], &["etudiants"]],
                distance: 0.3,
                payant: 0.0,
            },
        ],
        usagers: 0.75,
        zone: PolitiqueZone::Mixte,
        conditions: &[
            "Adhésion annuelle à l'association.",
            "Sur inscription préalable.",
        ],
        phrases: &[
            "L'association s'appuie sur une équipe de salariés et de bénévoles engagés.",
            "Les ateliers se déroulent en petits groupes de six à dix personnes.",
        ],
    },
];
