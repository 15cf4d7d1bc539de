/**
 * Vocabulary of bench/generate-vault.ts: museum and digital-transition words. Apostrophes are straight here; the
 * generator turns them into typographic ones (’) in the prose of some notes.
 */
export type Topic = "collections" | "mediation" | "strategy" | "tools" | "resources";

export interface Noun {
  readonly singular: string;
  readonly plural: string;
  readonly feminine: boolean;
}

const words = (text: string): string[] => text.split(", ");

/** Pluralises the first word: "tableau de bord" gives "tableaux de bord". */
function plural(singular: string): string {
  const [head = "", ...rest] = singular.split(" ");
  const headPlural = /[sxz]$/.test(head) ? head : /al$/.test(head) ? `${head.slice(0, -2)}aux` : /(eau|eu)$/.test(head) ? `${head}x` : `${head}s`;
  return [headPlural, ...rest].join(" ");
}

/** "f médiation" is feminine; "m réseau social/réseaux sociaux" gives its own plural. */
const nouns = (text: string): Noun[] =>
  words(text).map((entry) => {
    const [singular, irregular] = entry.slice(2).split("/") as [string, string?];
    return { singular, plural: irregular ?? plural(singular), feminine: entry.startsWith("f") };
  });

export const NOUNS: Readonly<Record<Topic, readonly Noun[]>> = {
  collections: nouns(
    "m inventaire, m récolement, m catalogue, m thésaurus, m fonds, m objet, m cartel, m constat d'état, m prêt, m dépôt, m chef-d'œuvre/chefs-d'œuvre, f collection, f numérisation, f base de données/bases de données, f documentation, f donnée, f licence, f photographie, f conservation, f œuvre, f archive, f notice, f indexation, f image",
  ),
  mediation: nouns(
    "m public, m atelier, m parcours, m dispositif, m audioguide, m tiers-lieu/tiers-lieux, m jeu sérieux/jeux sérieux, m musée de société/musées de société, m réseau social/réseaux sociaux, m podcast, f médiation, f exposition, f visite, f visite virtuelle, f application, f accessibilité, f communauté, f enquête, f signalétique, f lettre d'information/lettres d'information, f vidéo, f salle d'exposition/salles d'exposition",
  ),
  strategy: nouns(
    "m projet, m budget, m partenariat, m mécénat, m bénévolat, m écosystème, m enjeu, m tableau de bord, m diagnostic, m chantier, m cœur de métier/cœurs de métier, m plan, f stratégie, f politique, f formation, f compétence, f équipe, f gouvernance, f évaluation, f démarche, f mutualisation, f transition, f charte éditoriale/chartes éditoriales, f feuille de route/feuilles de route, f sobriété numérique/sobriétés numériques, f éthique",
  ),
  tools: nouns(
    "m outil, m site internet, m logiciel, m portail, m serveur, m wiki, m moteur de recherche/moteurs de recherche, m jumeau numérique/jumeaux numériques, m scanner 3D/scanners 3D, m cahier des charges, m prestataire, f plateforme, f infrastructure, f sauvegarde, f interface, f boutique en ligne/boutiques en ligne, f billetterie, f maquette, f carte interactive/cartes interactives, f réalité augmentée/réalités augmentées",
  ),
  resources: nouns(
    "m guide, m rapport, m colloque, m webinaire, m annuaire, m retour d'expérience/retours d'expérience, m programme, m questionnaire, f ressource, f méthode, f étude, f restitution, f veille, f bibliographie, f fiche pratique/fiches pratiques, f journée d'étude/journées d'étude",
  ),
};

/** Masculine/feminine; the plural adds an s, or turns -al into -aux. */
export const ADJECTIVES = words(
  "numérique, participatif/participative, collaboratif/collaborative, régional/régionale, local/locale, culturel/culturelle, patrimonial/patrimoniale, éducatif/éducative, accessible, ouvert/ouverte, libre, mutualisé/mutualisée, gratuit/gratuite, durable, inclusif/inclusive, hybride, immersif/immersive, interactif/interactive, pérenne, concret/concrète, global/globale, européen/européenne, muséal/muséale, photographique, scientifique, pédagogique, innovant/innovante, partagé/partagée, multilingue, éphémère",
).map((entry) => entry.split("/") as [string, string?]);

export const VERBS_INFINITIVE = words(
  "élaborer, mettre en place, financer, évaluer, documenter, numériser, valoriser, animer, piloter, choisir, mutualiser, améliorer, rédiger, diffuser, sécuriser, structurer, partager, former, accompagner, repenser, lancer, construire, pérenniser, mesurer, organiser, développer, externaliser, ouvrir, réinventer, mettre en œuvre",
);
export const VERBS_PRESENT = words(
  "facilite, renforce, transforme, interroge, complète, valorise, structure, accompagne, soutient, nourrit, prolonge, éclaire, fragilise, simplifie, met en valeur, remet en question, rend visible, enrichit, documente, met en œuvre",
);
export const COMPLEMENTS = words(
  "des collections, pour les petits et moyens musées, en interne, à l'échelle régionale, au service des publics, avec des bénévoles, sans budget dédié, en milieu rural, auprès des scolaires, en réseau, à l'ère du numérique, pour les musées suisses, au quotidien, hors les murs, pour les publics éloignés, en petite équipe, sur le long terme, d'un écomusée, avec les habitants, à moindre coût, des œuvres sur papier",
);
export const CONNECTORS = "Par ailleurs, | En pratique, | De plus, | Néanmoins, | À l'inverse, | Concrètement, | Dans ce contexte, | Pour autant, | En outre,".split(" | ");
export const PLACES = words(
  "Péronne, Lausanne, Neuchâtel, Genève, Fribourg, Sion, Lille, Rennes, Québec, Besançon, Évian, Orléans, Annecy, Saint-Étienne, Yverdon-les-Bains, Delémont, Martigny, Vevey, Bulle, Porrentruy, Moûtiers, Nyon, Épinal, Colmar, Arles, Thônes, Le Locle, La Chaux-de-Fonds",
);
export const MUSEUM_KINDS = words(
  "Musée d'art et d'histoire, Écomusée, Musée d'ethnographie, Musée des beaux-arts, Maison du patrimoine, Musée régional, Musée d'histoire naturelle, Musée de l'horlogerie, Fondation, Musée archéologique, Château-musée",
);
export const ORGANISATIONS = words(
  "ICOM France, ICOM Suisse, AMS, OCIM, Europeana, Musées suisses, Memoriav, Wikimédia France, NEMO, Office fédéral de la culture, Muséomix, Fédération des écomusées",
);
export const RESOURCE_KINDS = words("Journée professionnelle, Guide pratique, Webinaire, Rapport, Étude de cas, Boîte à outils, Colloque, Fiche méthode, Table ronde");
export const FIRST_NAMES = words("Hélène, François, Chloé, Benoît, Zoé, Anaïs, Jérôme, Loïc, Maëlle, Noémie, Thérèse, Cécile, Grégoire, Inès, Raphaël, Léa, Joël, Agnès, Céline, Gaëtan");
export const LAST_NAMES = words("Lefèvre, Barbier, Mercier, Girard, Bérard, Chevallier, Dufresne, Perret, Rochat, Favre, Gauthier, Lemaître, Roussel, Ducret, Vuilleumier, Guégan, Nguyen, Brühlmann, Cœurdevey, Œhler");
export const SECTION_TITLES = words(
  "Définition, Enjeux, Exemples, Exemples de projets, Ressources, Pour aller plus loin, Lu/entendu dans cette ressource, À retenir, Méthodologie, Étapes clés, Coûts et financement, Outils recommandés, Compétences nécessaires, Bonnes pratiques, Pièges à éviter, Questions ouvertes, Retours d'expérience, Contexte, Objectifs, Public cible, Calendrier, Partenaires, Budget, Licences et droits, Sources, Glossaire, Au cœur du sujet, Mise en œuvre, Œuvres concernées, Qu'en retenir ?",
);

/** Hub notes that get the most links, with the aliases other notes use for them. */
export const CONCEPTS: readonly { readonly name: string; readonly topic: Topic; readonly aliases: readonly string[] }[] = words(
  "strategy:Stratégie numérique|Stratégie digitale, strategy:Transition numérique, mediation:Médiation numérique, mediation:Réalité virtuelle|RV|VR, collections:Open data|Données ouvertes, collections:Numérisation 3D, collections:Inventaire participatif|Crowdsourcing, mediation:Accessibilité numérique|A11y, tools:Réseaux sociaux|Médias sociaux, strategy:Gestion de projet, collections:Droit d'auteur|Propriété intellectuelle, collections:Licences libres|Creative Commons, tools:Système de gestion des collections|SGC, strategy:Plan scientifique et culturel|PSC, tools:Wikidata, tools:IIIF, collections:Métadonnées, mediation:Expérience visiteur|UX, collections:Œuvres orphelines, strategy:Mécénat de compétences",
).map((entry) => {
  const [topic, names] = entry.split(":") as [Topic, string];
  const [name, ...aliases] = names.split("|") as [string, ...string[]];
  return { name, topic, aliases };
});

/** Notes many gardens link to but nobody has written yet. */
export const KNOWN_MISSING = words("Le projet DOORS, Virage NumériCQ, Culture24, One-by-One, Tate - Archives and access toolkit, Te Papa (Nouvelle-Zélande), Europeana Pro, Muséomix 2019");

export const TAGS: Readonly<Record<Topic, readonly string[]>> = {
  collections: words("collections, numérisation, inventaire, conservation"),
  mediation: words("médiation, publics, exposition, accessibilité"),
  strategy: words("stratégie, gouvernance, formation, financement"),
  tools: words("outil, logiciel, réseaux-sociaux, open-data"),
  resources: words("liens, rapport, ressource, colloque"),
};

export const LINK_LABELS = words("cette note, la fiche pratique, ici, ce retour d'expérience, la méthode détaillée, cette ressource, le guide, l'exemple, plus de détails");
export const LINK_DOMAINS = words("https://www.culture.gouv.fr/Thematiques/Musees/, https://www.museums.ch/fr/, https://pro.europeana.eu/page/, https://icom.museum/fr/ressource/, https://www.ocim.fr/");
