/**
 * Vocabulary for bench/generate-vault.ts: French museum and digital-transition words, enough to build
 * tens of thousands of distinct, plausible note names. Apostrophes are straight here; the generator turns
 * them into typographic ones (’) in the body of some notes.
 */

export type Topic = "collections" | "mediation" | "strategy" | "tools" | "resources";
export type Gender = "m" | "f";

export interface Noun {
  readonly singular: string;
  readonly plural: string;
  readonly gender: Gender;
  readonly topics: readonly Topic[];
}

export interface Adjective {
  readonly m: string;
  readonly f: string;
  readonly mp: string;
  readonly fp: string;
}

/** Pluralises the head word of a compound ("tableau de bord" gives "tableaux de bord"). */
function pluralOf(singular: string): string {
  const cut = singular.indexOf(" ");
  const head = cut === -1 ? singular : singular.slice(0, cut);
  const rest = cut === -1 ? "" : singular.slice(cut);
  let plural: string;
  if (/[sxz]$/.test(head)) plural = head;
  else if (/al$/.test(head)) plural = `${head.slice(0, -2)}aux`;
  else if (/(eau|eu)$/.test(head)) plural = `${head}x`;
  else plural = `${head}s`;
  return plural + rest;
}

function noun(singular: string, gender: Gender, topics: readonly Topic[], plural = pluralOf(singular)): Noun {
  return { singular, plural, gender, topics };
}

function adjective(m: string, f = m, mp?: string): Adjective {
  const masculinePlural = mp ?? (/[sx]$/.test(m) ? m : /al$/.test(m) ? `${m.slice(0, -2)}aux` : `${m}s`);
  return { m, f, mp: masculinePlural, fp: /s$/.test(f) ? f : `${f}s` };
}

const C: Topic = "collections";
const M: Topic = "mediation";
const S: Topic = "strategy";
const T: Topic = "tools";
const R: Topic = "resources";

export const NOUNS: readonly Noun[] = [
  noun("inventaire", "m", [C]),
  noun("récolement", "m", [C]),
  noun("catalogue", "m", [C, T]),
  noun("thésaurus", "m", [C]),
  noun("fonds", "m", [C]),
  noun("objet", "m", [C]),
  noun("cartel", "m", [C, M]),
  noun("archivage", "m", [C]),
  noun("stockage", "m", [C, T]),
  noun("référentiel", "m", [C, S]),
  noun("constat d'état", "m", [C]),
  noun("prêt", "m", [C]),
  noun("dépôt", "m", [C]),
  noun("musée", "m", [S, M]),
  noun("public", "m", [M]),
  noun("projet", "m", [S]),
  noun("outil", "m", [T]),
  noun("site internet", "m", [T, M]),
  noun("logiciel", "m", [T]),
  noun("portail", "m", [T]),
  noun("partenariat", "m", [S, R]),
  noun("budget", "m", [S]),
  noun("réseau", "m", [S, M]),
  noun("réseau social", "m", [T, M], "réseaux sociaux"),
  noun("atelier", "m", [M]),
  noun("parcours", "m", [M]),
  noun("dispositif", "m", [M, T]),
  noun("contenu", "m", [M, T]),
  noun("plan", "m", [S]),
  noun("cahier des charges", "m", [S, T]),
  noun("prestataire", "m", [S, T]),
  noun("financement", "m", [S, R]),
  noun("mécénat", "m", [S]),
  noun("bénévolat", "m", [M, S]),
  noun("tiers-lieu", "m", [M], "tiers-lieux"),
  noun("podcast", "m", [M, T]),
  noun("jeu sérieux", "m", [M], "jeux sérieux"),
  noun("audioguide", "m", [M, T]),
  noun("service des publics", "m", [M], "services des publics"),
  noun("écosystème", "m", [S]),
  noun("modèle", "m", [S]),
  noun("usage", "m", [M, T]),
  noun("enjeu", "m", [S]),
  noun("patrimoine", "m", [C, M]),
  noun("accueil", "m", [M]),
  noun("questionnaire", "m", [M, R]),
  noun("tableau de bord", "m", [S, T]),
  noun("indicateur", "m", [S]),
  noun("diagnostic", "m", [S]),
  noun("chantier", "m", [S, C]),
  noun("programme", "m", [S, R]),
  noun("retour d'expérience", "m", [R, S], "retours d'expérience"),
  noun("hackathon", "m", [M, T]),
  noun("wiki", "m", [T]),
  noun("annuaire", "m", [R, T]),
  noun("guide", "m", [R]),
  noun("rapport", "m", [R]),
  noun("colloque", "m", [R]),
  noun("webinaire", "m", [R, T]),
  noun("musée de société", "m", [M], "musées de société"),
  noun("chef-d'œuvre", "m", [C], "chefs-d'œuvre"),
  noun("cœur de métier", "m", [S], "cœurs de métier"),
  noun("serveur", "m", [T]),
  noun("moteur de recherche", "m", [T], "moteurs de recherche"),
  noun("jumeau numérique", "m", [T, C], "jumeaux numériques"),
  noun("scanner 3D", "m", [T, C], "scanners 3D"),
  noun("stratégie", "f", [S]),
  noun("médiation", "f", [M]),
  noun("collection", "f", [C]),
  noun("numérisation", "f", [C, T]),
  noun("exposition", "f", [M]),
  noun("visite", "f", [M]),
  noun("visite virtuelle", "f", [M, T], "visites virtuelles"),
  noun("application", "f", [T, M]),
  noun("base de données", "f", [C, T], "bases de données"),
  noun("documentation", "f", [C]),
  noun("politique", "f", [S]),
  noun("formation", "f", [S]),
  noun("compétence", "f", [S]),
  noun("équipe", "f", [S]),
  noun("gouvernance", "f", [S]),
  noun("évaluation", "f", [S, M]),
  noun("donnée", "f", [C, T]),
  noun("licence", "f", [C, T]),
  noun("photographie", "f", [C]),
  noun("conservation", "f", [C]),
  noun("accessibilité", "f", [M, T]),
  noun("communication", "f", [M, S]),
  noun("lettre d'information", "f", [M, T], "lettres d'information"),
  noun("campagne", "f", [M]),
  noun("démarche", "f", [S]),
  noun("plateforme", "f", [T]),
  noun("infrastructure", "f", [T]),
  noun("sauvegarde", "f", [T, C]),
  noun("mutualisation", "f", [S]),
  noun("transition", "f", [S]),
  noun("transformation", "f", [S]),
  noun("œuvre", "f", [C, M]),
  noun("archive", "f", [C]),
  noun("ressource", "f", [R]),
  noun("méthode", "f", [S, R]),
  noun("charte", "f", [S]),
  noun("charte éditoriale", "f", [M, S], "chartes éditoriales"),
  noun("veille", "f", [S, R]),
  noun("feuille de route", "f", [S], "feuilles de route"),
  noun("identité visuelle", "f", [M], "identités visuelles"),
  noun("signalétique", "f", [M]),
  noun("réalité augmentée", "f", [M, T], "réalités augmentées"),
  noun("communauté", "f", [M]),
  noun("enquête", "f", [M, R]),
  noun("interface", "f", [T]),
  noun("boutique en ligne", "f", [T], "boutiques en ligne"),
  noun("billetterie", "f", [T, M]),
  noun("maquette", "f", [T]),
  noun("étude", "f", [R]),
  noun("restitution", "f", [R, M]),
  noun("sobriété numérique", "f", [S, T], "sobriétés numériques"),
  noun("éthique", "f", [S]),
  noun("journée d'étude", "f", [R], "journées d'étude"),
  noun("bibliographie", "f", [R]),
  noun("fiche pratique", "f", [R], "fiches pratiques"),
  noun("manœuvre", "f", [S]),
  noun("numérotation", "f", [C]),
  noun("indexation", "f", [C, T]),
  noun("notice", "f", [C]),
  noun("image", "f", [C, T]),
  noun("vidéo", "f", [M, T]),
  noun("carte interactive", "f", [M, T], "cartes interactives"),
  noun("salle d'exposition", "f", [M], "salles d'exposition"),
];

export const ADJECTIVES: readonly Adjective[] = [
  adjective("numérique"),
  adjective("participatif", "participative"),
  adjective("collaboratif", "collaborative"),
  adjective("régional", "régionale"),
  adjective("local", "locale"),
  adjective("culturel", "culturelle"),
  adjective("patrimonial", "patrimoniale"),
  adjective("éducatif", "éducative"),
  adjective("accessible"),
  adjective("ouvert", "ouverte"),
  adjective("libre"),
  adjective("interne"),
  adjective("externe"),
  adjective("mutualisé", "mutualisée"),
  adjective("gratuit", "gratuite"),
  adjective("durable"),
  adjective("inclusif", "inclusive"),
  adjective("hybride"),
  adjective("immersif", "immersive"),
  adjective("interactif", "interactive"),
  adjective("pérenne"),
  adjective("concret", "concrète"),
  adjective("simple"),
  adjective("global", "globale"),
  adjective("national", "nationale"),
  adjective("européen", "européenne"),
  adjective("muséal", "muséale"),
  adjective("photographique"),
  adjective("scientifique"),
  adjective("pédagogique"),
  adjective("innovant", "innovante"),
  adjective("sobre"),
  adjective("partagé", "partagée"),
  adjective("structuré", "structurée"),
  adjective("intergénérationnel", "intergénérationnelle"),
  adjective("multilingue"),
  adjective("éphémère"),
  adjective("expérimental", "expérimentale"),
];

/** Infinitives that take a direct object: "Comment documenter les collections". */
export const VERBS_INFINITIVE: readonly string[] = [
  "élaborer", "mettre en place", "financer", "évaluer", "documenter", "numériser", "valoriser", "animer",
  "piloter", "choisir", "mutualiser", "améliorer", "rédiger", "diffuser", "sécuriser", "structurer",
  "partager", "former", "accompagner", "repenser", "lancer", "construire", "pérenniser", "mesurer",
  "utiliser", "organiser", "développer", "externaliser", "ouvrir", "réinventer", "mettre en œuvre",
];

/** Third person singular, followed by a direct object. */
export const VERBS_PRESENT: readonly string[] = [
  "facilite", "renforce", "transforme", "interroge", "complète", "valorise", "structure", "accompagne",
  "soutient", "nourrit", "prolonge", "éclaire", "fragilise", "simplifie", "met en valeur", "remet en question",
  "rend visible", "enrichit", "documente", "modifie", "met en œuvre", "place au cœur du projet",
];

/** Feminine plural past participles, for "Les œuvres … gagnent à être documentées". */
export const PARTICIPLES_FP: readonly string[] = [
  "documentées", "numérisées", "mieux décrites", "partagées en ligne", "montrées hors les murs", "restaurées",
  "photographiées", "indexées", "prêtées", "réinterprétées",
];

export const COMPLEMENTS: readonly string[] = [
  "des collections", "du musée", "pour les petits et moyens musées", "en interne", "à l'échelle régionale",
  "dans un musée de société", "au service des publics", "avec des bénévoles", "sans budget dédié",
  "en milieu rural", "auprès des scolaires", "pour un musée", "de A à Z", "en réseau", "à l'ère du numérique",
  "après la crise sanitaire", "pour les musées suisses", "dans les musées de France", "au quotidien",
  "en dix étapes", "hors les murs", "pour les publics éloignés", "en petite équipe", "sur le long terme",
  "des archives photographiques", "d'un écomusée", "avec les habitants", "pour les familles",
  "en langage clair", "à moindre coût", "d'une maison d'artiste", "des œuvres sur papier",
];

export const QUESTION_COMPLEMENTS: readonly string[] = [
  "à connaître", "à acquérir et à développer en interne", "à privilégier", "pour les petits musées",
  "à éviter", "indispensables", "à mettre en place en priorité", "à suivre", "les plus utiles",
];

export const CONNECTORS: readonly string[] = [
  "Par ailleurs,", "En pratique,", "De plus,", "Néanmoins,", "À l'inverse,", "Concrètement,",
  "Dans ce contexte,", "Pour autant,", "Au fond,", "En outre,", "À terme,", "Dans les faits,",
];

export const PLACES: readonly string[] = [
  "Péronne", "Lausanne", "Neuchâtel", "Genève", "Fribourg", "Sion", "Lille", "Rennes", "Québec", "Montréal",
  "Besançon", "Évian", "Orléans", "Annecy", "Saint-Étienne", "Yverdon-les-Bains", "Delémont", "Martigny",
  "Vevey", "Bulle", "Porrentruy", "Moûtiers", "Nyon", "Morges", "Bienne", "Aigle", "Épinal", "Colmar",
  "Arles", "Thônes", "Sainte-Croix", "Le Locle", "La Chaux-de-Fonds", "Ouchy",
];

export const MUSEUM_KINDS: readonly string[] = [
  "le musée d'art et d'histoire", "l'écomusée", "le musée d'ethnographie", "le musée de la vigne et du vin",
  "le musée des beaux-arts", "la maison du patrimoine", "le musée régional", "le musée d'histoire naturelle",
  "le musée de l'horlogerie", "le musée du papier peint", "la fondation", "le musée archéologique",
  "le musée du jouet", "le château-musée", "la maison d'Ailleurs", "le musée des arts et métiers",
];

export const ORGANISATIONS: readonly string[] = [
  "ICOM France", "ICOM Suisse", "AMS", "OCIM", "Europeana", "Culture24", "Musées suisses",
  "Ministère de la Culture", "Réseau des musées de l'Ain", "Fédération des écomusées",
  "Société des musées du Québec", "Memoriav", "Institut national du patrimoine", "Wikimédia France", "NEMO",
  "Office fédéral de la culture", "Muséomix", "MuseumXTD", "Musées de Bretagne", "Mission numérique",
];

export const RESOURCE_KINDS: readonly string[] = [
  "Journée professionnelle", "Guide pratique", "Webinaire", "Rapport", "Étude de cas", "Boîte à outils",
  "Colloque", "Fiche méthode", "Enquête", "Table ronde",
];

export const FIRST_NAMES: readonly string[] = [
  "Hélène", "François", "Chloé", "Benoît", "Zoé", "Anaïs", "Jérôme", "Loïc", "Maëlle", "Noémie", "Thérèse",
  "Cécile", "Grégoire", "Inès", "Raphaël", "Léa", "Joël", "Agnès", "Sébastien", "Céline", "Élodie", "Gaëtan",
];

export const LAST_NAMES: readonly string[] = [
  "Lefèvre", "Barbier", "Mercier", "Girard", "Bérard", "Chevallier", "Dufresne", "Perret", "Rochat", "Favre",
  "Gauthier", "Mathieu", "Lemaître", "Roussel", "Ducret", "Vuilleumier", "Guégan", "Nguyen", "Brühlmann", "Cœurdevey",
];

export const ROLES: readonly string[] = [
  "conservatrice", "médiateur culturel", "directrice du musée", "chargé de projets numériques",
  "régisseuse des collections", "responsable des publics", "archiviste", "photographe", "bénévole",
];

export const COUNTRIES: readonly string[] = [
  "Suisse", "Québec", "Royaume-Uni", "Belgique", "France", "Allemagne", "Pays-Bas", "Canada", "Italie", "Norvège",
];

export const SECTION_TITLES: readonly string[] = [
  "Définition", "Enjeux", "Enjeux pour les petits et moyens musées", "Exemples", "Exemples de projets",
  "Ressources", "Pour aller plus loin", "Lu/entendu dans cette ressource", "Les sujets", "À retenir",
  "À mentionner", "Méthodologie", "Étapes clés", "Coûts et financement", "Outils", "Outils recommandés",
  "Compétences nécessaires", "Bonnes pratiques", "Pièges à éviter", "Questions ouvertes", "Études de cas",
  "Retours d'expérience", "Liste des initiatives", "Contexte", "Objectifs", "Public cible", "Calendrier",
  "Partenaires", "Évaluation", "Budget", "Licences et droits", "Accessibilité", "Sources", "Références",
  "Glossaire", "Au cœur du sujet", "Mise en œuvre", "Œuvres concernées", "Points de vigilance",
  "Qu'en retenir ?", "Collection : Numérisation des collections", "Curation : Création de formats numériques",
  "Informatique et métiers techniques", "Éducation et apprentissage", "Liste des initiatives menées par le gouvernement national",
];

/** Hub notes that get the most links; some have aliases that other notes use. */
export const CONCEPTS: readonly { readonly name: string; readonly topic: Topic; readonly aliases: readonly string[] }[] = [
  { name: "Stratégie numérique", topic: S, aliases: ["Stratégie digitale"] },
  { name: "Transition numérique", topic: S, aliases: [] },
  { name: "Médiation numérique", topic: M, aliases: [] },
  { name: "Réalité augmentée", topic: M, aliases: ["RA"] },
  { name: "Réalité virtuelle", topic: M, aliases: ["RV", "VR"] },
  { name: "Open data", topic: C, aliases: ["Données ouvertes"] },
  { name: "Numérisation 3D", topic: C, aliases: [] },
  { name: "Inventaire participatif", topic: C, aliases: ["Crowdsourcing"] },
  { name: "Sobriété numérique", topic: S, aliases: [] },
  { name: "Accessibilité numérique", topic: M, aliases: ["A11y"] },
  { name: "Réseaux sociaux", topic: T, aliases: ["Médias sociaux"] },
  { name: "Gestion de projet", topic: S, aliases: [] },
  { name: "Droit d'auteur", topic: C, aliases: ["Propriété intellectuelle"] },
  { name: "Licences libres", topic: C, aliases: ["Creative Commons"] },
  { name: "Système de gestion des collections", topic: T, aliases: ["SGC", "CMS muséal"] },
  { name: "Plan scientifique et culturel", topic: S, aliases: ["PSC"] },
  { name: "Wikidata", topic: T, aliases: [] },
  { name: "IIIF", topic: T, aliases: ["International Image Interoperability Framework"] },
  { name: "Métadonnées", topic: C, aliases: [] },
  { name: "Expérience visiteur", topic: M, aliases: ["UX"] },
  { name: "Tiers-lieu culturel", topic: M, aliases: [] },
  { name: "Œuvres orphelines", topic: C, aliases: [] },
  { name: "Mécénat de compétences", topic: S, aliases: [] },
  { name: "Cœur de métier du musée", topic: S, aliases: [] },
];

/** Notes many gardens link to but nobody has written yet: the first entries of the missing pool. */
export const KNOWN_MISSING: readonly string[] = [
  "Le projet DOORS", "Virage NumériCQ", "Culture24", "One-by-One", "Tate - Archives and access toolkit",
  "Cyber Sain et Sauf - Imaa", "Comment collaborer avec des prestataires", "Te Papa (Nouvelle Zélande)",
];

export const TAGS_BY_TOPIC: Readonly<Record<Topic, readonly string[]>> = {
  collections: ["collections", "numérisation", "inventaire", "documentation", "conservation"],
  mediation: ["médiation", "publics", "exposition", "accessibilité", "visite"],
  strategy: ["stratégie", "gouvernance", "formation", "financement", "transition"],
  tools: ["outil", "logiciel", "réseaux-sociaux", "open-data", "web"],
  resources: ["liens", "rapport", "ressource", "colloque", "projet"],
};

export const GENERIC_LABELS: readonly string[] = [
  "cette note", "la fiche pratique", "ici", "ce retour d'expérience", "la méthode détaillée", "voir la note",
  "cette ressource", "le guide", "l'exemple", "plus de détails",
];

export const IMAGE_CAPTIONS: readonly string[] = [
  "Vue de la salle", "Capture d'écran", "Schéma de la démarche", "Atelier avec le public", "Réserve du musée",
  "Tableau de bord", "Carte des partenaires",
];

export const LINK_DOMAINS: readonly string[] = [
  "https://www.culture.gouv.fr/Thematiques/Musees/",
  "https://www.museums.ch/fr/",
  "https://pro.europeana.eu/page/",
  "https://icom.museum/fr/ressource/",
  "https://www.ocim.fr/",
  "https://www.museesnumeriques.ca/",
  "https://digipathways.co.uk/resources/",
  "https://www.wikimedia.fr/",
  "https://www.patrimoine-numerique.ch/",
  "https://www.musees-occitanie.fr/",
];

export const UTM_SOURCES: readonly string[] = ["newsletter", "linkedin", "facebook", "twitter", "mastodon", "brevo"];
