<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Ajouter un utilisateur</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rôle :</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Ajout d&apos;un utilisateur</source>
        <translation>Adding a user</translation>
    </message>
    <message>
        <source>Choisissez une première phrase de passe avec la personne ; elle pourra la changer ensuite depuis le menu « Espace de travail ».</source>
        <translation>Choose a first passphrase together with the person; they can change it later from the “Workspace” menu.</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Ne sait pas</source>
        <translation>Does not know</translation>
    </message>
    <message>
        <source>{0}&#xa0;€</source>
        <translation>€{0}</translation>
    </message>
    <message>
        <source>non renseigné</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} chaque mois</source>
        <translation>{0} every month</translation>
    </message>
</context>
<context>
    <name>CaseloadFilters</name>
    <message>
        <source>Nom ou rue…</source>
        <translation>Name or street…</translation>
    </message>
    <message>
        <source>Tous les droits</source>
        <translation>All rights</translation>
    </message>
    <message>
        <source>Toutes les étapes</source>
        <translation>All steps</translation>
    </message>
    <message>
        <source>Tous les bénévoles</source>
        <translation>All volunteers</translation>
    </message>
    <message>
        <source>En &amp;retard seulement</source>
        <translation>&amp;Overdue only</translation>
    </message>
    <message>
        <source>&amp;Rechercher :</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>&amp;Commune :</source>
        <translation>&amp;Commune:</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Droits repérés</source>
        <translation>Rights detected</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Bénévole</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Dernier contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Prochaine action</source>
        <translation>Next action</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>Aucun foyer rencontré</source>
        <translation>No household met</translation>
    </message>
    <message>
        <source>1 foyer rencontré</source>
        <translation>1 household met</translation>
    </message>
    <message>
        <source>{0} foyers rencontrés</source>
        <translation>{0} households met</translation>
    </message>
    <message>
        <source>Foyers</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>À relancer</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <source>Lecture des visites pour le suivi</source>
        <translation>Reading the visits for the follow-up</translation>
    </message>
    <message>
        <source>À relancer ({0})</source>
        <translation>To follow up ({0})</translation>
    </message>
    <message>
        <source>Données personnelles du foyer effacées. Il ne figure plus dans le suivi ; ses comptes anonymes restent dans les chiffres.</source>
        <translation>The household&apos;s personal data were erased. It no longer appears in the follow-up; its anonymous counts remain in the figures.</translation>
    </message>
</context>
<context>
    <name>CaseloadTexts</name>
    <message>
        <source>Rencontré</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Droit repéré</source>
        <translation>Right detected</translation>
    </message>
    <message>
        <source>À orienter</source>
        <translation>To refer</translation>
    </message>
    <message>
        <source>Orienté</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Demande déposée</source>
        <translation>Claim filed</translation>
    </message>
    <message>
        <source>Droit ouvert</source>
        <translation>Right granted</translation>
    </message>
    <message>
        <source>Refusé</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Sans nouvelles</source>
        <translation>No news</translation>
    </message>
    <message>
        <source>{0} à {1}</source>
        <translation>{0} at {1}</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Changer de phrase de passe</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Nouvelle phrase de passe :</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>Phrase de passe actuelle :</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>Changer</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Changement de phrase de passe</source>
        <translation>Passphrase change</translation>
    </message>
</context>
<context>
    <name>ComeBackDialog</name>
    <message>
        <source>Repasser à une date convenue</source>
        <translation>Come back on an agreed day</translation>
    </message>
    <message>
        <source>La porte reviendra dans « Portes suivantes » à partir de ce jour.</source>
        <translation>The door will be back in “Next doors” from that day.</translation>
    </message>
    <message>
        <source>Repasser le :</source>
        <translation>Come back on:</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CommuneEdit</name>
    <message>
        <source>nom ou code INSEE</source>
        <translation>name or INSEE code</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <source>Conflits à arbitrer</source>
        <translation>Conflicts to settle</translation>
    </message>
    <message>
        <source>Une même information a été modifiée ici et sur l&apos;ordinateur d&apos;un ou une bénévole : la valeur d&apos;ici est gardée en attendant votre choix.</source>
        <translation>The same information was changed here and on a volunteer&apos;s computer: the value here is kept until you choose.</translation>
    </message>
    <message>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Valeur ici</source>
        <translation>Value here</translation>
    </message>
    <message>
        <source>Valeur reçue</source>
        <translation>Value received</translation>
    </message>
    <message>
        <source>Aucun conflit à arbitrer.</source>
        <translation>No conflict to settle.</translation>
    </message>
    <message>
        <source>&amp;Garder la valeur d&apos;ici</source>
        <translation>&amp;Keep the value here</translation>
    </message>
    <message>
        <source>Prendre la valeur &amp;reçue</source>
        <translation>Take the value &amp;received</translation>
    </message>
    <message>
        <source>(ordinateur inconnu)</source>
        <translation>(unknown computer)</translation>
    </message>
    <message>
        <source>{0}
(reçue de l&apos;ordinateur de {1})</source>
        <translation>{0}
(received from {1}&apos;s computer)</translation>
    </message>
</context>
<context>
    <name>CostsBox</name>
    <message>
        <source>Ces réponses manquent pour conclure sur des droits (cliquez pour compléter) :</source>
        <translation>These answers are missing to conclude on some rights (click to complete):</translation>
    </message>
    <message>
        <source>Vous pouvez terminer quand même : {0} droit(s) resteront « Impossible à dire » ({1}) jusqu&apos;à ce que la visite soit complétée.</source>
        <translation>You can finish anyway: {0} right(s) will stay “Cannot tell” ({1}) until the visit is completed.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Date attendue en entier, jour/mois/année : par exemple 20/07/2026.</source>
        <translation>Whole date expected, day/month/year: for example 20/07/2026.</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation>DD/MM/YYYY</translation>
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>France services</source>
        <translation>France services</translation>
    </message>
    <message>
        <source>tél. {0}</source>
        <translation>tel. {0}</translation>
    </message>
    <message>
        <source>retiré de l&apos;annuaire le {0}</source>
        <translation>removed from the directory on {0}</translation>
    </message>
    <message>
        <source>à vérifier (mis à jour le {0})</source>
        <translation>to check (updated on {0})</translation>
    </message>
    <message>
        <source>sans téléphone ni courriel</source>
        <translation>no phone or e-mail</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>qui peut y aller n&apos;est pas précisé</source>
        <translation>who may go is not stated</translation>
    </message>
    <message>
        <source>aussi publié par {0}</source>
        <translation>also published by {0}</translation>
    </message>
    <message>
        <source>aucun accueil connu</source>
        <translation>no office known</translation>
    </message>
    <message>
        <source>adresse manquante</source>
        <translation>address missing</translation>
    </message>
    <message>
        <source>téléphone manquant</source>
        <translation>phone missing</translation>
    </message>
    <message>
        <source>Lieu : {0} (fiche du {1}).</source>
        <translation>Place: {0} (entry of {1}).</translation>
    </message>
</context>
<context>
    <name>DirectoryChoice</name>
    <message>
        <source>Aucun lieu de l&apos;annuaire</source>
        <translation>No place from the directory</translation>
    </message>
    <message>
        <source>Des pistes : à vérifier auprès du lieu avant d&apos;y envoyer.</source>
        <translation>Leads: check with the place before sending anyone there.</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>&amp;Importer les fichiers data·inclusion…</source>
        <translation>&amp;Import data·inclusion files…</translation>
    </message>
    <message>
        <source>Département :</source>
        <translation>Département:</translation>
    </message>
    <message>
        <source>Organisme</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>À compléter</source>
        <translation>To complete</translation>
    </message>
    <message>
        <source>Accueils des organismes pour une commune</source>
        <translation>Offices of the organisations for a commune</translation>
    </message>
    <message>
        <source>Code INSEE de la commune :</source>
        <translation>INSEE code of the commune:</translation>
    </message>
    <message>
        <source>nom, commune, thématique…</source>
        <translation>name, commune, theme…</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Où et quand</source>
        <translation>Where and when</translation>
    </message>
    <message>
        <source>À noter</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Chercher dans l&apos;annuaire</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <source>Fiche locale</source>
        <translation>Local entry</translation>
    </message>
    <message>
        <source>Autre lieu</source>
        <translation>Other place</translation>
    </message>
    <message>
        <source>ex. Mo-Fr 09:00-12:00 ou « mardi matin »</source>
        <translation>e.g. Mo-Fr 09:00-12:00 or “Tuesday morning”</translation>
    </message>
    <message>
        <source>&amp;Ajouter la fiche</source>
        <translation>&amp;Add the entry</translation>
    </message>
    <message>
        <source>&amp;Retirer la fiche choisie</source>
        <translation>&amp;Remove the chosen entry</translation>
    </message>
    <message>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>C&apos;est l&apos;&amp;accueil de :</source>
        <translation>It is the &amp;office of:</translation>
    </message>
    <message>
        <source>A&amp;dresse :</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <source>Code INSEE de la c&amp;ommune :</source>
        <translation>INSEE code of the c&amp;ommune:</translation>
    </message>
    <message>
        <source>&amp;Téléphone :</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Horaires :</source>
        <translation>&amp;Hours:</translation>
    </message>
    <message>
        <source>Fiches locales (gardées à chaque import)</source>
        <translation>Local entries (kept at every import)</translation>
    </message>
    <message>
        <source>{0} services importés ({1} retirés depuis, gardés pour les orientations), {2} structures, {3} fiches locales. Dernier import : {4}.</source>
        <translation>{0} services imported ({1} removed since, kept for referrals), {2} structures, {3} local entries. Last import: {4}.</translation>
    </message>
    <message>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Sans adresse ou téléphone : {0}. La feuille du foyer dira où les trouver ; ajoutez l&apos;accueil en fiche locale ci-dessous pour l&apos;y écrire.</source>
        <translation>No address or phone: {0}. The household sheet will say where to find them; add the office as a local entry below to print it there.</translation>
    </message>
    <message>
        <source>Fichiers structures et services de data·inclusion</source>
        <translation>data·inclusion structures and services files</translation>
    </message>
    <message>
        <source>Fichiers data·inclusion (*.json *.csv)</source>
        <translation>data·inclusion files (*.json *.csv)</translation>
    </message>
    <message>
        <source>Annuaire importé : {0} services ajoutés, {1} modifiés, {2} retirés (archivés), {3} inchangés.</source>
        <translation>Directory imported: {0} services added, {1} changed, {2} removed (archived), {3} unchanged.</translation>
    </message>
    <message>
        <source>Fiche locale ajoutée : {0}.</source>
        <translation>Local entry added: {0}.</translation>
    </message>
    <message>
        <source>Fiche locale retirée.</source>
        <translation>Local entry removed.</translation>
    </message>
</context>
<context>
    <name>DisplayMenu</name>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Texte plus &amp;grand</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
</context>
<context>
    <name>DoorFigures</name>
    <message>
        <source>Aucune porte frappée sur la période.</source>
        <translation>No door knocked in the period.</translation>
    </message>
</context>
<context>
    <name>DoorForm</name>
    <message>
        <source>Entretien</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Refus</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>Repasser</source>
        <translation>Come back</translation>
    </message>
    <message>
        <source>Pas un logement</source>
        <translation>Not a dwelling</translation>
    </message>
    <message>
        <source>Nouvelle porte</source>
        <translation>New door</translation>
    </message>
    <message>
        <source>&amp;Commune :</source>
        <translation>&amp;Commune:</translation>
    </message>
    <message>
        <source>&amp;Rue :</source>
        <translation>&amp;Street:</translation>
    </message>
    <message>
        <source>&amp;Numéro :</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <source>En&amp;tretien</source>
        <translation>In&amp;terview</translation>
    </message>
    <message>
        <source>Quelqu&apos;un répond et accepte d&apos;échanger</source>
        <translation>Someone answers and agrees to talk</translation>
    </message>
    <message>
        <source>&amp;Absent</source>
        <translation>&amp;Absent</translation>
    </message>
    <message>
        <source>Re&amp;fus</source>
        <translation>Re&amp;fused</translation>
    </message>
    <message>
        <source>&amp;Vacant</source>
        <translation>&amp;Vacant</translation>
    </message>
    <message>
        <source>&amp;Pas un logement</source>
        <translation>&amp;Not a dwelling</translation>
    </message>
    <message>
        <source>Repasser &amp;le…</source>
        <translation>Come back &amp;later…</translation>
    </message>
    <message>
        <source>Commune inconnue : choisissez-la dans la liste proposée.</source>
        <translation>Unknown commune: pick it from the suggestions.</translation>
    </message>
    <message>
        <source>Porte déjà visitée : la nouvelle visite s&apos;ajoutera à celles de ce foyer.</source>
        <translation>Door already visited: the new visit will join this household&apos;s visits.</translation>
    </message>
    <message>
        <source>Porte de votre tournée : {0}.</source>
        <translation>Door of your round: {0}.</translation>
    </message>
    <message>
        <source>Indiquez d&apos;abord la commune (nom ou code INSEE).</source>
        <translation>Give the commune first (name or INSEE code).</translation>
    </message>
</context>
<context>
    <name>DoorSymbols</name>
    <message>
        <source>Pas encore frappé</source>
        <translation>Not knocked yet</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Entretien</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Refus</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Repasser</source>
        <translation>Come back</translation>
    </message>
    <message>
        <source>Ne plus déranger</source>
        <translation>Do not disturb again</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>Pas un logement</source>
        <translation>Not a dwelling</translation>
    </message>
    <message>
        <source>Issue effacée (conservation)</source>
        <translation>Outcome erased (retention)</translation>
    </message>
</context>
<context>
    <name>DraftsBanner</name>
    <message>
        <source>Entretiens non terminés ({0}) : reprenez-les là où ils se sont arrêtés.</source>
        <translation>Unfinished interviews ({0}): resume them where they stopped.</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <source>Aucune orientation à relancer.</source>
        <translation>No referral to follow up.</translation>
    </message>
    <message>
        <source>1 orientation à relancer.</source>
        <translation>1 referral to follow up.</translation>
    </message>
    <message>
        <source>{0} orientations à relancer.</source>
        <translation>{0} referrals to follow up.</translation>
    </message>
    <message>
        <source>À vérifier depuis</source>
        <translation>To check since</translation>
    </message>
    <message>
        <source>Foyer</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Droit</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Organisme</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le foyer</source>
        <translation>&amp;Open the household</translation>
    </message>
</context>
<context>
    <name>EngineHost</name>
    <message>
        <source>Calcul des droits</source>
        <translation>Rights computation</translation>
    </message>
</context>
<context>
    <name>EngineStatus</name>
    <message>
        <source>Moteur de calcul : prêt</source>
        <translation>Calculation engine: ready</translation>
    </message>
    <message>
        <source>Les droits sont évalués à la fin de chaque entretien.</source>
        <translation>Rights are assessed at the end of each interview.</translation>
    </message>
    <message>
        <source>Moteur de calcul : indisponible</source>
        <translation>Calculation engine: unavailable</translation>
    </message>
    <message>
        <source>Le moteur de calcul n&apos;a pas pu démarrer. Les visites continuent ; les droits pourront être évalués plus tard depuis chaque visite (« Évaluer les droits »).</source>
        <translation>The calculation engine could not start. Visits go on; rights can be assessed later from each visit (“Assess rights”).</translation>
    </message>
    <message>
        <source>Moteur de calcul : arrêté</source>
        <translation>Calculation engine: stopped</translation>
    </message>
    <message>
        <source>Moteur de calcul : chargement (premier calcul)…</source>
        <translation>Calculation engine: loading (first calculation)…</translation>
    </message>
    <message>
        <source>Le moteur se prépare ; la fenêtre reste utilisable.</source>
        <translation>The engine is getting ready; the window can still be used.</translation>
    </message>
    <message>
        <source>Moteur de calcul : chargement…</source>
        <translation>Calculation engine: loading…</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export pour l&apos;évaluation</source>
        <translation>Export for the evaluation</translation>
    </message>
    <message>
        <source>Publications pour l&apos;évaluation</source>
        <translation>Releases for the evaluation</translation>
    </message>
    <message>
        <source>Le tableau des indicateurs d&apos;un mois, d&apos;un trimestre ou d&apos;une année terminés, signé, sans case de moins de 11, protégé avec toutes les publications précédentes. Aucun nom, adresse, téléphone ni date exacte.</source>
        <translation>The indicator table of a month, quarter or year that is over, signed, with no cell under 11, protected together with every earlier release. No name, address, phone number or exact date.</translation>
    </message>
    <message>
        <source>&amp;Réviser : intégrer les visites arrivées depuis la publication</source>
        <translation>&amp;Revise: include the visits that arrived since the release</translation>
    </message>
    <message>
        <source>clé USB ou dossier partagé</source>
        <translation>USB stick or shared folder</translation>
    </message>
    <message>
        <source>&amp;Choisir…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Période :</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Publier le tableau</source>
        <translation>&amp;Publish the table</translation>
    </message>
    <message>
        <source>Microdonnées (sous convention)</source>
        <translation>Microdata (under agreement)</translation>
    </message>
    <message>
        <source>Publier les &amp;microdonnées</source>
        <translation>Publish the &amp;microdata</translation>
    </message>
    <message>
        <source>Un fichier à part, pour un trimestre ou une année dont le tableau est publié ; une seule fois par période.</source>
        <translation>A separate file, for a quarter or a year whose table is published; once per period.</translation>
    </message>
    <message>
        <source>Publié le</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>Registre des publications :</source>
        <translation>Release register:</translation>
    </message>
    <message>
        <source>Choisissez un dossier cible.</source>
        <translation>Choose a target folder.</translation>
    </message>
    <message>
        <source>Publication en cours…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>Publication écrite : {0}. Cases publiées : {1} sur {2}.</source>
        <translation>Release written: {0}. Cells published: {1} of {2}.</translation>
    </message>
    <message>
        <source>Microdonnées écrites : {0}.</source>
        <translation>Microdata written: {0}.</translation>
    </message>
    <message>
        <source>Le fichier {0} existe déjà.</source>
        <translation>The file {0} already exists.</translation>
    </message>
    <message>
        <source>Remplacer le fichier ?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <source>Le fichier {0} existe déjà dans ce dossier. Le remplacer par cette publication ?</source>
        <translation>The file {0} already exists in this folder. Replace it with this release?</translation>
    </message>
    <message>
        <source>&amp;Remplacer</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Rien n&apos;a été écrit : le fichier {0} est gardé tel quel.</source>
        <translation>Nothing was written: the file {0} is kept as it is.</translation>
    </message>
    <message>
        <source>Dossier cible :</source>
        <translation>Target folder:</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Contenu</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Empreinte de la clé de signature : {0} — à donner aux évaluateurs par un autre moyen (téléphone, courrier).</source>
        <translation>Signing key fingerprint: {0} — give it to the evaluators by another channel (phone, post).</translation>
    </message>
    <message>
        <source>Tableau</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Microdonnées</source>
        <translation>Microdata</translation>
    </message>
    <message>
        <source>révision {0}</source>
        <translation>revision {0}</translation>
    </message>
    <message>
        <source>première</source>
        <translation>first</translation>
    </message>
    <message>
        <source>Dossier cible</source>
        <translation>Target folder</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Portes frappées</source>
        <translation>Doors knocked</translation>
    </message>
    <message>
        <source>Foyers rencontrés</source>
        <translation>Households met</translation>
    </message>
    <message>
        <source>Personnes rencontrées</source>
        <translation>People met</translation>
    </message>
    <message>
        <source>Non-recours probables repérés sur la période</source>
        <translation>Probable non-take-up detected in the period</translation>
    </message>
    <message>
        <source>… dont orientés</source>
        <translation>… of which referred</translation>
    </message>
    <message>
        <source>… dont demande déposée</source>
        <translation>… of which claim filed</translation>
    </message>
    <message>
        <source>… dont droit ouvert (repérés sur la période)</source>
        <translation>… of which right granted (detected in the period)</translation>
    </message>
    <message>
        <source>Droits ouverts pendant la période</source>
        <translation>Rights granted during the period</translation>
    </message>
    <message>
        <source>Montant annuel des droits ouverts pendant la période</source>
        <translation>Yearly amount of the rights granted during the period</translation>
    </message>
    <message>
        <source>Vérifications à 3 mois faites à temps</source>
        <translation>3-month checks done on time</translation>
    </message>
    <message>
        <source>Portes du territoire (à la fin de la période)</source>
        <translation>The territory&apos;s doors (at the end of the period)</translation>
    </message>
    <message>
        <source>Non renseigné</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Entretien</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Refus</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Logement vacant</source>
        <translation>Vacant dwelling</translation>
    </message>
    <message>
        <source>Repasser</source>
        <translation>Come back</translation>
    </message>
    <message>
        <source>Pas un logement</source>
        <translation>Not a dwelling</translation>
    </message>
    <message>
        <source>Repérés</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Orientés</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Demande déposée</source>
        <translation>Claim filed</translation>
    </message>
    <message>
        <source>Droit ouvert</source>
        <translation>Right granted</translation>
    </message>
    <message>
        <source>Du repérage au droit ouvert (repérés sur la période)</source>
        <translation>From detection to right granted (detected in the period)</translation>
    </message>
    <message>
        <source>Portes frappées, par issue</source>
        <translation>Doors knocked, by outcome</translation>
    </message>
    <message>
        <source>Portes frappées, par semaine</source>
        <translation>Doors knocked, by week</translation>
    </message>
    <message>
        <source>Non-recours probable, par droit</source>
        <translation>Probable non-take-up, by right</translation>
    </message>
    <message>
        <source>Non-recours probable, par raison</source>
        <translation>Probable non-take-up, by reason</translation>
    </message>
    <message>
        <source>Orientations, par organisme</source>
        <translation>Referrals, by organisation</translation>
    </message>
    <message>
        <source>Droits ouverts pendant la période, par droit</source>
        <translation>Rights granted during the period, by right</translation>
    </message>
    <message>
        <source>{0} sur {1}</source>
        <translation>{0} of {1}</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <source>Chiffres du territoire</source>
        <translation>Territory figures</translation>
    </message>
    <message>
        <source>La date de fin précède la date de début.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>&amp;Rapport PDF…</source>
        <translation>PDF &amp;report…</translation>
    </message>
    <message>
        <source>Aucun sur la période.</source>
        <translation>None in the period.</translation>
    </message>
    <message>
        <source>Calcul des chiffres…</source>
        <translation>Computing the figures…</translation>
    </message>
    <message>
        <source>Calcul des chiffres</source>
        <translation>Computing the figures</translation>
    </message>
    <message>
        <source>Écriture du rapport…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Rapport enregistré : {0}</source>
        <translation>Report saved: {0}</translation>
    </message>
</context>
<context>
    <name>FileChoice</name>
    <message>
        <source>Tous les fichiers (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Remplacer le fichier ?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <source>Le fichier {0} existe déjà. Le remplacer ?</source>
        <translation>The file {0} already exists. Replace it?</translation>
    </message>
    <message>
        <source>&amp;Remplacer</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Aller-Vers — premier démarrage</source>
        <translation>Aller-Vers — first start</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Clé de secours non confirmée</source>
        <translation>Recovery key not confirmed</translation>
    </message>
    <message>
        <source>L&apos;espace de travail est créé, mais vous n&apos;avez pas confirmé la clé de secours. Elle ne sera plus jamais affichée. Fermer quand même ?</source>
        <translation>The workspace has been created, but you have not confirmed the recovery key. It will never be shown again. Close anyway?</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <source>— à demander —</source>
        <translation>— to ask —</translation>
    </message>
    <message>
        <source>Pourquoi ce droit n&apos;est pas perçu :</source>
        <translation>Why this right is not received:</translation>
    </message>
    <message>
        <source>Raison de la non-demande :</source>
        <translation>Reason for not claiming:</translation>
    </message>
    <message>
        <source>Ce que la personne décide :</source>
        <translation>What the person decides:</translation>
    </message>
    <message>
        <source>Enregistré.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>GraceSetting</name>
    <message>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Une fois ses visites reçues ici, l&apos;ordinateur d&apos;un ou une bénévole garde les foyers qui ne lui sont plus confiés pendant</source>
        <translation>Once its visits have been received here, a volunteer&apos;s laptop keeps the households no longer assigned to them for</translation>
    </message>
</context>
<context>
    <name>Hours</name>
    <message>
        <source>lun.</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>mar.</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>mer.</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>jeu.</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>ven.</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>sam.</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>dim.</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>fermé les jours fériés</source>
        <translation>closed on public holidays</translation>
    </message>
    <message>
        <source>jours fériés</source>
        <translation>public holidays</translation>
    </message>
    <message>
        <source>{0} : fermé</source>
        <translation>{0}: closed</translation>
    </message>
</context>
<context>
    <name>HouseholdDetail</name>
    <message>
        <source>Organisme prévu : {0}.</source>
        <translation>Planned organisation: {0}.</translation>
    </message>
    <message>
        <source>Orienté le {0} vers {1}.</source>
        <translation>Referred on {0} to {1}.</translation>
    </message>
    <message>
        <source>Contact : {0}.</source>
        <translation>Contact: {0}.</translation>
    </message>
    <message>
        <source>Rendez-vous le {0}.</source>
        <translation>Appointment on {0}.</translation>
    </message>
    <message>
        <source>Demande déposée le {0}.</source>
        <translation>Claim filed on {0}.</translation>
    </message>
    <message>
        <source>Droit ouvert le {0}.</source>
        <translation>Right granted on {0}.</translation>
    </message>
    <message>
        <source>Droit ouvert : {0} par an, à partir du {1}.</source>
        <translation>Right granted: {0} per year, from {1}.</translation>
    </message>
    <message>
        <source>Droit ouvert : {0} par mois, à partir du {1}.</source>
        <translation>Right granted: {0} per month, from {1}.</translation>
    </message>
    <message>
        <source>Refusé le {0}.</source>
        <translation>Refused on {0}.</translation>
    </message>
    <message>
        <source>Abandon le {0}.</source>
        <translation>Abandoned on {0}.</translation>
    </message>
    <message>
        <source>Sans nouvelles au {0}.</source>
        <translation>No news as of {0}.</translation>
    </message>
    <message>
        <source>Motif : {0}.</source>
        <translation>Reason: {0}.</translation>
    </message>
    <message>
        <source>&amp;Confier le suivi</source>
        <translation>&amp;Hand over the follow-up</translation>
    </message>
    <message>
        <source>Visite de suivi par :</source>
        <translation>Follow-up visit by:</translation>
    </message>
    <message>
        <source>Droits repérés</source>
        <translation>Rights detected</translation>
    </message>
    <message>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Aucun droit repéré pour ce foyer.</source>
        <translation>No right detected for this household.</translation>
    </message>
    <message>
        <source>Nom non noté</source>
        <translation>Name not recorded</translation>
    </message>
    <message>
        <source>Tél. {0}</source>
        <translation>Tel. {0}</translation>
    </message>
    <message>
        <source>Dernier contact le {0}.</source>
        <translation>Last contact on {0}.</translation>
    </message>
    <message>
        <source>Suivi par {0}.</source>
        <translation>Followed up by {0}.</translation>
    </message>
    <message>
        <source>Souhait : {0}.</source>
        <translation>Wish: {0}.</translation>
    </message>
    <message>
        <source>Souhait non noté.</source>
        <translation>Wish not noted.</translation>
    </message>
    <message>
        <source>Pourquoi pas demandé : {0}.</source>
        <translation>Why not claimed: {0}.</translation>
    </message>
    <message>
        <source>à demander : {0}</source>
        <translation>to claim: {0}</translation>
    </message>
    <message>
        <source>Pas encore d&apos;orientation</source>
        <translation>Not referred yet</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Vérification du résultat : le {0}.</source>
        <translation>Outcome check: on {0}.</translation>
    </message>
    <message>
        <source>Vérification du résultat à faire (depuis le {0}).</source>
        <translation>Outcome check due (since {0}).</translation>
    </message>
    <message>
        <source>Créer l&apos;&amp;orientation</source>
        <translation>Create the &amp;referral</translation>
    </message>
    <message>
        <source>Orientation créée : {0}.</source>
        <translation>Referral created: {0}.</translation>
    </message>
    <message>
        <source>Étape enregistrée : {0} — {1}.</source>
        <translation>Step recorded: {0} — {1}.</translation>
    </message>
    <message>
        <source>Visite de suivi confiée à {0}.</source>
        <translation>Follow-up visit handed to {0}.</translation>
    </message>
</context>
<context>
    <name>HouseholdNotes</name>
    <message>
        <source>Noté à l&apos;entretien du {0}</source>
        <translation>Noted at the interview of {0}</translation>
    </message>
    <message>
        <source>Note : {0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>Pas de note.</source>
        <translation>No note.</translation>
    </message>
    <message>
        <source>Difficultés : {0}.</source>
        <translation>Difficulties: {0}.</translation>
    </message>
    <message>
        <source>Aucune difficulté signalée.</source>
        <translation>No difficulty reported.</translation>
    </message>
    <message>
        <source>Accepte que sa situation soit transmise à : {0}.</source>
        <translation>Agrees that their situation is passed to: {0}.</translation>
    </message>
    <message>
        <source>N&apos;a accepté de transmission à aucun organisme.</source>
        <translation>Agreed to no organisation being told.</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Bienvenue dans Aller-Vers</source>
        <translation>Welcome to Aller-Vers</translation>
    </message>
    <message>
        <source>Cet ordinateur n&apos;a pas encore d&apos;espace de travail : créez celui de l&apos;équipe, ou rejoignez une équipe avec l&apos;invitation reçue de votre coordination.</source>
        <translation>This computer has no workspace yet: create the team&apos;s, or join a team with the invitation your coordinator gave you.</translation>
    </message>
    <message>
        <source>Créer l&apos;espace de travail de l&apos;équipe</source>
        <translation>Create the team&apos;s workspace</translation>
    </message>
    <message>
        <source>Rejoindre une équipe avec une invitation</source>
        <translation>Join a team with an invitation</translation>
    </message>
    <message>
        <source>par exemple : Communauté de communes du Val</source>
        <translation>for example: Communauté de communes du Val</translation>
    </message>
    <message>
        <source>prénom et nom</source>
        <translation>first and last name</translation>
    </message>
    <message>
        <source>Les données seront chiffrées dans le dossier :
{0}</source>
        <translation>The data will be encrypted in the folder:
{0}</translation>
    </message>
    <message>
        <source>Territoire :</source>
        <translation>Territory:</translation>
    </message>
    <message>
        <source>Coordinateur ou coordinatrice :</source>
        <translation>Coordinator:</translation>
    </message>
    <message>
        <source>Il vous faut le fichier d&apos;invitation (sur une clé USB, par exemple) et la phrase de passe de votre compte, donnés par votre coordination.</source>
        <translation>You need the invitation file (on a USB stick, for instance) and your account&apos;s passphrase, both from your coordinator.</translation>
    </message>
</context>
<context>
    <name>InterviewWizard</name>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>← &amp;Précédent</source>
        <translation>← &amp;Back</translation>
    </message>
    <message>
        <source>Évaluer les &amp;droits</source>
        <translation>Assess &amp;rights</translation>
    </message>
    <message>
        <source>Visite du {0} — {1} (terminée : chaque modification est gardée dans l&apos;historique)</source>
        <translation>Visit of {0} — {1} (finished: every change is kept in the history)</translation>
    </message>
    <message>
        <source>Entretien du {0} — {1}</source>
        <translation>Interview of {0} — {1}</translation>
    </message>
    <message>
        <source>Récapitulatif</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Page {0} sur {1}</source>
        <translation>Page {0} of {1}</translation>
    </message>
    <message>
        <source>&amp;Suivant →</source>
        <translation>&amp;Next →</translation>
    </message>
    <message>
        <source>&amp;Terminer la consultation</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <source>&amp;Terminer quand même</source>
        <translation>&amp;Finish anyway</translation>
    </message>
    <message>
        <source>&amp;Terminer l&apos;entretien</source>
        <translation>&amp;Finish the interview</translation>
    </message>
    <message>
        <source>Corrigez ou effacez la réponse signalée avant de changer de page.</source>
        <translation>Correct or clear the answer shown before changing page.</translation>
    </message>
    <message>
        <source>L&apos;entretien n&apos;est pas terminé : il manque des réponses.</source>
        <translation>The interview is not finished: answers are missing.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invitations Aller-Vers (*.avinvite)</source>
        <translation>Aller-Vers invitations (*.avinvite)</translation>
    </message>
    <message>
        <source>Inviter un ou une bénévole</source>
        <translation>Invite a volunteer</translation>
    </message>
    <message>
        <source>prénom et nom</source>
        <translation>first and last name</translation>
    </message>
    <message>
        <source>Choisissez la phrase de passe avec la personne : elle la tapera sur son ordinateur pour ouvrir l&apos;invitation, puis pour ouvrir Aller-Vers. Elle pourra la changer ensuite. Ne l&apos;écrivez jamais à côté du fichier d&apos;invitation.</source>
        <translation>Choose the passphrase with the person: they will type it on their computer to open the invitation, then to open Aller-Vers. They can change it afterwards. Never write it next to the invitation file.</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Enregistrer l&apos;invitation…</source>
        <translation>Save the invitation…</translation>
    </message>
    <message>
        <source>invitation-{0}</source>
        <translation>invitation-{0}</translation>
    </message>
    <message>
        <source>Enregistrer l&apos;invitation</source>
        <translation>Save the invitation</translation>
    </message>
    <message>
        <source>Le dossier {0} n&apos;existe pas.</source>
        <translation>The folder {0} does not exist.</translation>
    </message>
    <message>
        <source>Création du compte et de l&apos;invitation…</source>
        <translation>Creating the account and the invitation…</translation>
    </message>
    <message>
        <source>Invitation d&apos;un ou une bénévole</source>
        <translation>Inviting a volunteer</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Rejoindre une équipe</source>
        <translation>Join a team</translation>
    </message>
    <message>
        <source>Avec le fichier d&apos;invitation et la phrase de passe que votre coordinateur ou coordinatrice vous a donnés.</source>
        <translation>With the invitation file and the passphrase your coordinator gave you.</translation>
    </message>
    <message>
        <source>Rejoindre l&apos;équipe</source>
        <translation>Join the team</translation>
    </message>
    <message>
        <source>fichier .avinvite sur la clé USB</source>
        <translation>.avinvite file on the USB stick</translation>
    </message>
    <message>
        <source>&amp;Choisir…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>C&amp;hoisir…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Les données seront chiffrées dans le dossier :
{0}</source>
        <translation>The data will be encrypted in the folder:
{0}</translation>
    </message>
    <message>
        <source>Invitation :</source>
        <translation>Invitation:</translation>
    </message>
    <message>
        <source>Phrase de passe de votre compte :</source>
        <translation>Your account&apos;s passphrase:</translation>
    </message>
    <message>
        <source>Réponse d&apos;inscription :</source>
        <translation>Enrolment reply:</translation>
    </message>
    <message>
        <source>Cet ordinateur y écrit sa réponse, à remettre à la coordination : elle l&apos;inscrira dans l&apos;équipe.</source>
        <translation>This computer writes its reply there, to hand to your coordinator, who will enrol it in the team.</translation>
    </message>
    <message>
        <source>Fichier d&apos;invitation</source>
        <translation>Invitation file</translation>
    </message>
    <message>
        <source>inscription-{0}</source>
        <translation>enrolment-{0}</translation>
    </message>
    <message>
        <source>Enregistrer la réponse d&apos;inscription</source>
        <translation>Save the enrolment reply</translation>
    </message>
    <message>
        <source>Réponses d&apos;inscription (*.avreply)</source>
        <translation>Enrolment replies (*.avreply)</translation>
    </message>
    <message>
        <source>Le dossier {0} n&apos;existe pas.</source>
        <translation>The folder {0} does not exist.</translation>
    </message>
    <message>
        <source>La réponse ne peut pas remplacer l&apos;invitation.</source>
        <translation>The reply cannot replace the invitation.</translation>
    </message>
    <message>
        <source>Création de l&apos;espace de travail de l&apos;équipe</source>
        <translation>Creating the team&apos;s workspace</translation>
    </message>
</context>
<context>
    <name>JoinedPage</name>
    <message>
        <source>Empreintes à comparer</source>
        <translation>Fingerprints to compare</translation>
    </message>
    <message>
        <source>Comparez-les de vive voix (en personne ou par téléphone) avec votre coordinateur ou coordinatrice, qui les lit sur son écran, page « Équipe et synchronisation ».</source>
        <translation>Compare them by voice (in person or by phone) with your coordinator, who reads them on their screen, on the “Team and synchronisation” page.</translation>
    </message>
    <message>
        <source>Empreinte de la coordination :</source>
        <translation>Coordinator&apos;s fingerprint:</translation>
    </message>
    <message>
        <source>Empreinte de cet ordinateur :</source>
        <translation>This computer&apos;s fingerprint:</translation>
    </message>
    <message>
        <source>Si l&apos;empreinte de la coordination diffère de celle de son écran, l&apos;invitation ne vient pas d&apos;elle : ne remettez pas la réponse et prévenez-la.</source>
        <translation>If the coordinator&apos;s fingerprint differs from the one on their screen, the invitation does not come from them: do not hand over the reply, and tell them.</translation>
    </message>
    <message>
        <source>Réponse d&apos;inscription écrite dans {0} : remettez-la à la coordination. Pour ouvrir Aller-Vers ensuite : votre nom « {1} » et la phrase de passe de votre compte (vous pourrez la changer depuis le menu « Espace de travail »).</source>
        <translation>Enrolment reply written to {0}: hand it to your coordinator. To open Aller-Vers afterwards: your name “{1}” and your account&apos;s passphrase (you can change it from the “Workspace” menu).</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Espace de travail verrouillé</source>
        <translation>Workspace locked</translation>
    </message>
    <message>
        <source>Les données sont chiffrées et fermées. Saisissez votre phrase de passe pour reprendre.</source>
        <translation>The data is encrypted and closed. Enter your passphrase to continue.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Espace de travail</source>
        <translation>&amp;Workspace</translation>
    </message>
    <message>
        <source>&amp;Verrouiller</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Changer de phrase de passe…</source>
        <translation>&amp;Change passphrase…</translation>
    </message>
    <message>
        <source>&amp;Utilisateurs…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>Conservation des &amp;données…</source>
        <translation>&amp;Data retention…</translation>
    </message>
    <message>
        <source>Nouvelle clé de &amp;secours…</source>
        <translation>New &amp;recovery key…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>En attente de la fin de : {0}.</source>
        <translation>Waiting for this to end: {0}.</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Phrase de passe changée.</source>
        <translation>Passphrase changed.</translation>
    </message>
</context>
<context>
    <name>MapData</name>
    <message>
        <source>Lecture de la carte</source>
        <translation>Reading the map</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Cliquez sur une porte pour voir ses passages.</source>
        <translation>Click a door to see its passes.</translation>
    </message>
    <message>
        <source>&amp;Tout voir</source>
        <translation>Show &amp;all</translation>
    </message>
    <message>
        <source>Zoomer</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Dézoomer</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Légende</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Avancement des tournées</source>
        <translation>Progress of the rounds</translation>
    </message>
    <message>
        <source>Porte</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Chargement de la carte…</source>
        <translation>Loading the map…</translation>
    </message>
    <message>
        <source>La carte n&apos;a pas pu être chargée.</source>
        <translation>The map could not be loaded.</translation>
    </message>
    <message>
        <source>Aucune porte : importez les adresses du territoire (allervers addresses import).</source>
        <translation>No door: import the territory&apos;s addresses (allervers addresses import).</translation>
    </message>
    <message>
        <source>{0} portes, {1} frappées ({2}), {3} foyers rencontrés.</source>
        <translation>{0} doors, {1} knocked ({2}), {3} households met.</translation>
    </message>
    <message>
        <source>Aucune tournée.</source>
        <translation>No round.</translation>
    </message>
    <message>
        <source> (le {0})</source>
        <translation> (on {0})</translation>
    </message>
    <message>
        <source>Jamais frappée.</source>
        <translation>Never knocked.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Nom d&apos;utilisateur ou phrase de passe incorrect.</source>
        <translation>Wrong user name or passphrase.</translation>
    </message>
    <message>
        <source>Trop d&apos;essais : réessayez dans 1 seconde.</source>
        <translation>Too many attempts: try again in 1 second.</translation>
    </message>
    <message>
        <source>Trop d&apos;essais : réessayez dans {0} secondes.</source>
        <translation>Too many attempts: try again in {0} seconds.</translation>
    </message>
    <message>
        <source>Clé de secours incorrecte.</source>
        <translation>Wrong recovery key.</translation>
    </message>
    <message>
        <source>Phrase de passe trop courte : au moins 12 caractères.</source>
        <translation>Passphrase too short: at least 12 characters.</translation>
    </message>
    <message>
        <source>Phrase de passe trop simple : allongez-la, par exemple avec plusieurs mots.</source>
        <translation>Passphrase too simple: make it longer, for example with several words.</translation>
    </message>
    <message>
        <source>Aucun espace de travail dans {0}.</source>
        <translation>No workspace in {0}.</translation>
    </message>
    <message>
        <source>{0} existe déjà : rien n&apos;a été écrasé.</source>
        <translation>{0} already exists: nothing was overwritten.</translation>
    </message>
    <message>
        <source>L&apos;espace de travail {0} vient d&apos;une version plus récente d&apos;Aller-Vers : mettez le logiciel à jour.</source>
        <translation>The workspace {0} comes from a newer version of Aller-Vers: please update the software.</translation>
    </message>
    <message>
        <source>L&apos;espace de travail est occupé par une autre opération, réessayez dans un instant. Rien n&apos;a été modifié.</source>
        <translation>The workspace is busy with another operation, try again in a moment. Nothing was changed.</translation>
    </message>
    <message>
        <source>Le fichier {0} contient une valeur impossible ({1}) : il a été modifié en dehors d&apos;Aller-Vers. Rien n&apos;a été modifié ; remettez le fichier d&apos;origine ou restaurez une sauvegarde.</source>
        <translation>The file {0} holds an impossible value ({1}): it was changed outside Aller-Vers. Nothing was changed; put the original file back or restore a backup.</translation>
    </message>
    <message>
        <source>Le fichier {0} est illisible ou abîmé. Rien n&apos;a été modifié ; restaurez une sauvegarde si le problème persiste.</source>
        <translation>The file {0} is unreadable or damaged. Nothing was changed; restore a backup if the problem persists.</translation>
    </message>
    <message>
        <source>L&apos;utilisateur « {0} » existe déjà.</source>
        <translation>The user “{0}” already exists.</translation>
    </message>
    <message>
        <source>Aucun utilisateur « {0} » dans cet espace.</source>
        <translation>No user “{0}” in this workspace.</translation>
    </message>
    <message>
        <source>Cette action est réservée au coordinateur ou à la coordinatrice.</source>
        <translation>Only the coordinator can do this.</translation>
    </message>
    <message>
        <source>Mois hors de ce que calcule le moteur de droits (de mai 2016 à décembre 2099) : rien n&apos;a été calculé.</source>
        <translation>Month outside what the rights engine computes (May 2016 to December 2099): nothing was computed.</translation>
    </message>
    <message>
        <source>Champ obligatoire : {0}.</source>
        <translation>Required field: {0}.</translation>
    </message>
    <message>
        <source>Texte trop long : {0}.</source>
        <translation>Text too long: {0}.</translation>
    </message>
    <message>
        <source>Valeur impossible : {0}.</source>
        <translation>Invalid value: {0}.</translation>
    </message>
    <message>
        <source>Disque plein : impossible d&apos;écrire {0}. Rien de ce qui était enregistré n&apos;est perdu ; libérez de la place et recommencez.</source>
        <translation>Disk full: cannot write {0}. Nothing already saved is lost; free some space and try again.</translation>
    </message>
    <message>
        <source>La sauvegarde {0} est abîmée ou n&apos;est pas une sauvegarde Aller-Vers.</source>
        <translation>The backup {0} is damaged or is not an Aller-Vers backup.</translation>
    </message>
    <message>
        <source>Aucune phrase de passe : définissez ALLERVERS_PASSPHRASE ou lancez la commande dans un terminal.</source>
        <translation>No passphrase: set ALLERVERS_PASSPHRASE or run the command in a terminal.</translation>
    </message>
    <message>
        <source>Les deux phrases de passe saisies diffèrent.</source>
        <translation>The two passphrases entered differ.</translation>
    </message>
    <message>
        <source>{0}, ligne {1} : {2}. Aucune ligne n&apos;a été prise en compte.</source>
        <translation>{0}, line {1}: {2}. No line was taken into account.</translation>
    </message>
    <message>
        <source>{0}, ligne {1} : {2}. Aucune adresse n&apos;a été prise en compte.</source>
        <translation>{0}, line {1}: {2}. No address was taken.</translation>
    </message>
    <message>
        <source>Aucune tournée « {0} ».</source>
        <translation>No round “{0}”.</translation>
    </message>
    <message>
        <source>{0} n&apos;est pas un fichier ordinaire : rien n&apos;a été lu.</source>
        <translation>{0} is not a regular file: nothing was read.</translation>
    </message>
    <message>
        <source>{0} est trop gros (au plus {1} Mio) : rien n&apos;a été pris en compte.</source>
        <translation>{0} is too large (at most {1} MiB): nothing was taken into account.</translation>
    </message>
    <message>
        <source>{0} a trop de lignes (au plus {1} visites par fichier) : rien n&apos;a été pris en compte ; coupez-le en plusieurs fichiers.</source>
        <translation>{0} has too many lines (at most {1} visits per file): nothing was taken into account; split it into several files.</translation>
    </message>
    <message>
        <source>{0} est un lien symbolique : rien n&apos;a été écrit. Choisissez un fichier ordinaire.</source>
        <translation>{0} is a symbolic link: nothing was written. Choose a regular file.</translation>
    </message>
    <message>
        <source>{0} est un dossier : donnez le nom du fichier à écrire.</source>
        <translation>{0} is a folder: give the name of the file to write.</translation>
    </message>
    <message>
        <source>{0} n&apos;est pas un dossier : rien n&apos;a été écrit.</source>
        <translation>{0} is not a folder: nothing was written.</translation>
    </message>
    <message>
        <source>Cet enregistrement n&apos;existe pas ou plus.</source>
        <translation>This record does not exist, or no longer exists.</translation>
    </message>
    <message>
        <source>Seuil {0} trop bas : au moins {1}.</source>
        <translation>Threshold {0} too low: at least {1}.</translation>
    </message>
    <message>
        <source>Export impossible : donnée non conforme ({0}). Rien n&apos;a été écrit.</source>
        <translation>Export impossible: non-compliant data ({0}). Nothing was written.</translation>
    </message>
    <message>
        <source>Les chiffres ne respectent pas « {0} » : export arrêté.</source>
        <translation>The figures do not meet “{0}”: export stopped.</translation>
    </message>
    <message>
        <source>{0} vient d&apos;une version plus récente d&apos;Aller-Vers : mettez Aller-Vers à jour.</source>
        <translation>{0} comes from a newer version of Aller-Vers: update Aller-Vers.</translation>
    </message>
    <message>
        <source>{0} n&apos;est pas un export Aller-Vers lisible.</source>
        <translation>{0} is not a readable Aller-Vers export.</translation>
    </message>
    <message>
        <source>Export refusé : {0} a été modifié ou recompressé ; demandez le fichier d&apos;origine.</source>
        <translation>Export refused: {0} was modified or recompressed; ask for the original file.</translation>
    </message>
    <message>
        <source>Export refusé : il contient un fichier qu&apos;Aller-Vers n&apos;y met pas ({0}).</source>
        <translation>Export refused: it holds a file Aller-Vers does not put there ({0}).</translation>
    </message>
    <message>
        <source>Export refusé : il y manque le fichier {0}.</source>
        <translation>Export refused: the file {0} is missing from it.</translation>
    </message>
    <message>
        <source>Export refusé : {0} est illisible ou n&apos;est pas écrit comme Aller-Vers l&apos;écrit.</source>
        <translation>Export refused: {0} cannot be read or is not written the way Aller-Vers writes it.</translation>
    </message>
    <message>
        <source>{0} est bien trop gros pour être un export Aller-Vers.</source>
        <translation>{0} is far too large to be an Aller-Vers export.</translation>
    </message>
    <message>
        <source>Export refusé : {0} n&apos;est pas signé par la clé donnée.</source>
        <translation>Export refused: {0} is not signed by the given key.</translation>
    </message>
    <message>
        <source>Export refusé : {0} a été modifié après la signature.</source>
        <translation>Export refused: {0} was modified after it was signed.</translation>
    </message>
    <message>
        <source>{0} n&apos;est pas une clé publique (PEM ou base64).</source>
        <translation>{0} is not a public key (PEM or base64).</translation>
    </message>
    <message>
        <source>{0} est intact mais ne respecte pas ses seuils ({1}) : fusion arrêtée.</source>
        <translation>{0} is intact but does not meet its thresholds ({1}): merge stopped.</translation>
    </message>
    <message>
        <source>L&apos;espace de travail est verrouillé.</source>
        <translation>The workspace is locked.</translation>
    </message>
    <message>
        <source>Synchronisation refusée : {0} est incomplet ou n&apos;est pas un fichier de synchronisation Aller-Vers. Rien n&apos;a été modifié ; recopiez le fichier.</source>
        <translation>Synchronisation refused: {0} is incomplete or is not an Aller-Vers synchronisation file. Nothing was changed; copy the file again.</translation>
    </message>
    <message>
        <source>Synchronisation refusée : {0} a été modifié ou abîmé depuis son envoi. Rien n&apos;a été modifié ; demandez un nouveau fichier.</source>
        <translation>Synchronisation refused: {0} was altered or damaged after it was sent. Nothing was changed; ask for a new file.</translation>
    </message>
    <message>
        <source>Synchronisation refusée : {0} est destiné à un autre espace de travail. Rien n&apos;a été modifié.</source>
        <translation>Synchronisation refused: {0} is meant for another workspace. Nothing was changed.</translation>
    </message>
    <message>
        <source>Synchronisation refusée : {0} vient d&apos;un ordinateur qui n&apos;est pas inscrit dans l&apos;équipe (empreinte {1}). Rien n&apos;a été modifié.</source>
        <translation>Synchronisation refused: {0} comes from a computer that is not enrolled in the team (fingerprint {1}). Nothing was changed.</translation>
    </message>
    <message>
        <source>Synchronisation refusée : {0} vient d&apos;un ordinateur qui n&apos;est pas inscrit dans l&apos;équipe. Rien n&apos;a été modifié.</source>
        <translation>Synchronisation refused: {0} comes from a computer that is not enrolled in the team. Nothing was changed.</translation>
    </message>
    <message>
        <source>{0} a déjà été importé : rien n&apos;a été modifié.</source>
        <translation>{0} was already imported: nothing was changed.</translation>
    </message>
    <message>
        <source>Invitation illisible : phrase de passe incorrecte ou fichier {0} modifié.</source>
        <translation>Unreadable invitation: wrong passphrase or file {0} altered.</translation>
    </message>
    <message>
        <source>Plusieurs bénévoles inscrits : précisez --volunteer NOM.</source>
        <translation>Several volunteers are enrolled: give --volunteer NAME.</translation>
    </message>
    <message>
        <source>Aucun ordinateur inscrit pour cette synchronisation : utilisez « allervers team ».</source>
        <translation>No computer enrolled for this synchronisation: use “allervers team”.</translation>
    </message>
    <message>
        <source>Erreur d&apos;accès au fichier {0} : {1}.</source>
        <translation>Cannot access the file {0}: {1}.</translation>
    </message>
    <message>
        <source>Erreur inattendue : {0}.</source>
        <translation>Unexpected error: {0}.</translation>
    </message>
    <message>
        <source>en-tête inconnu (ni BAN csv-legacy ni BAL 1.4, voir docs/addresses-format.md)</source>
        <translation>unknown header (neither BAN csv-legacy nor BAL 1.4, see docs/addresses-format.md)</translation>
    </message>
    <message>
        <source>nombre de colonnes différent de l&apos;en-tête</source>
        <translation>number of columns differs from the header</translation>
    </message>
    <message>
        <source>texte illisible (le fichier doit être en UTF-8)</source>
        <translation>unreadable text (the file must be UTF-8)</translation>
    </message>
    <message>
        <source>code INSEE impossible</source>
        <translation>impossible INSEE code</translation>
    </message>
    <message>
        <source>numéro impossible</source>
        <translation>impossible number</translation>
    </message>
    <message>
        <source>suffixe impossible</source>
        <translation>impossible suffix</translation>
    </message>
    <message>
        <source>identifiant (clé d&apos;interopérabilité) impossible</source>
        <translation>impossible identifier (interoperability key)</translation>
    </message>
    <message>
        <source>coordonnées impossibles</source>
        <translation>impossible coordinates</translation>
    </message>
    <message>
        <source>valeur manquante</source>
        <translation>missing value</translation>
    </message>
    <message>
        <source>texte trop long ou caractère de contrôle</source>
        <translation>text too long or control character</translation>
    </message>
    <message>
        <source>fichier introuvable</source>
        <translation>file not found</translation>
    </message>
    <message>
        <source>fichier trop gros</source>
        <translation>file too large</translation>
    </message>
    <message>
        <source>Donnez un nom à la tournée.</source>
        <translation>Give the round a name.</translation>
    </message>
    <message>
        <source>Nom de tournée trop long (au plus {1} caractères).</source>
        <translation>Round name too long (at most {1} characters).</translation>
    </message>
    <message>
        <source>Aucune porte dans cette tournée : importez les adresses ou choisissez d&apos;autres rues.</source>
        <translation>No door in this round: import the addresses or choose other streets.</translation>
    </message>
    <message>
        <source>{1} portes : c&apos;est trop pour une tournée (500 au plus). Découpez-la par rue ou par lieu-dit.</source>
        <translation>{1} doors: too many for one round (500 at most). Cut it by street or by lieu-dit.</translation>
    </message>
    <message>
        <source>Une tournée se confie à une personne ou à un binôme, pas plus.</source>
        <translation>A round is given to one person or a pair, no more.</translation>
    </message>
    <message>
        <source>Une tournée s&apos;appelle déjà « {0} ».</source>
        <translation>A round is already called “{0}”.</translation>
    </message>
    <message>
        <source>Aucune porte « {0} » dans cette commune.</source>
        <translation>No door “{0}” in this commune.</translation>
    </message>
    <message>
        <source>Commune inconnue : {0}.</source>
        <translation>Unknown commune: {0}.</translation>
    </message>
    <message>
        <source>« Aucun », « Aucune ressource » ou « Ne sait pas » doit rester seul</source>
        <translation>“None”, “No resources” or “Does not know” must be the only choice</translation>
    </message>
    <message>
        <source>accès refusé</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>opération non permise</source>
        <translation>operation not permitted</translation>
    </message>
    <message>
        <source>support en lecture seule (clé USB verrouillée ?)</source>
        <translation>read-only medium (USB key locked?)</translation>
    </message>
    <message>
        <source>fichier ou dossier introuvable</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <source>un élément du chemin n&apos;est pas un dossier</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>c&apos;est un dossier, pas un fichier</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>le fichier existe déjà</source>
        <translation>the file already exists</translation>
    </message>
    <message>
        <source>plus de place sur le disque</source>
        <translation>no space left on the disk</translation>
    </message>
    <message>
        <source>erreur de lecture ou d&apos;écriture du support</source>
        <translation>read or write error on the medium</translation>
    </message>
    <message>
        <source>nom de fichier trop long</source>
        <translation>file name too long</translation>
    </message>
    <message>
        <source>La date de l&apos;orientation</source>
        <translation>The referral date</translation>
    </message>
    <message>
        <source>La date du dépôt de la demande</source>
        <translation>The claim&apos;s filing date</translation>
    </message>
    <message>
        <source>La date de la décision</source>
        <translation>The decision date</translation>
    </message>
    <message>
        <source>La date du refus</source>
        <translation>The refusal date</translation>
    </message>
    <message>
        <source>La date de la relance</source>
        <translation>The reminder date</translation>
    </message>
    <message>
        <source>La date de cette étape</source>
        <translation>This step&apos;s date</translation>
    </message>
    <message>
        <source>{0} ({1}) est dans le futur : une étape s&apos;enregistre une fois faite.</source>
        <translation>{0} ({1}) is in the future: a step is recorded once done.</translation>
    </message>
    <message>
        <source>{0} ({1}) précède la date de l&apos;orientation ({2}) : vérifiez la date saisie.</source>
        <translation>{0} ({1}) is before the referral date ({2}): check the date typed.</translation>
    </message>
    <message>
        <source>période (--period 2026-Q3, ou --from et --to)</source>
        <translation>period (--period 2026-Q3, or --from and --to)</translation>
    </message>
    <message>
        <source>fichier de sortie (--out)</source>
        <translation>output file (--out)</translation>
    </message>
    <message>
        <source>mois (AAAA-MM)</source>
        <translation>month (YYYY-MM)</translation>
    </message>
    <message>
        <source>étape du suivi (elle ne suit pas l&apos;étape actuelle)</source>
        <translation>follow-up step (it does not follow the current step)</translation>
    </message>
    <message>
        <source>montant</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>organisme</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>date (AAAA-MM-JJ)</source>
        <translation>date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>visite (pas un entretien évaluable)</source>
        <translation>visit (not an interview that can be assessed)</translation>
    </message>
    <message>
        <source>territoire</source>
        <translation>territory</translation>
    </message>
    <message>
        <source>nom d&apos;utilisateur</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>phrase de passe</source>
        <translation>passphrase</translation>
    </message>
    <message>
        <source>verrouillage après inactivité (de 1 à 60 minutes)</source>
        <translation>lock after inactivity (1 to 60 minutes)</translation>
    </message>
    <message>
        <source>verrouillage pendant un entretien (de 5 à 60 minutes)</source>
        <translation>lock during an interview (5 to 60 minutes)</translation>
    </message>
    <message>
        <source>point sur l&apos;ouverture du droit (de 1 à 12 mois)</source>
        <translation>check on the right being opened (1 to 12 months)</translation>
    </message>
    <message>
        <source>durée de conservation (de 1 à 24 mois après le dernier contact)</source>
        <translation>retention period (1 to 24 months after the last contact)</translation>
    </message>
    <message>
        <source>commune (code INSEE)</source>
        <translation>commune (INSEE code)</translation>
    </message>
    <message>
        <source>rue ou lieu-dit</source>
        <translation>street or lieu-dit</translation>
    </message>
    <message>
        <source>numéro</source>
        <translation>number</translation>
    </message>
    <message>
        <source>nom de la porte</source>
        <translation>name of the door</translation>
    </message>
    <message>
        <source>délai avant retrait d&apos;un portable bénévole (de 0 à 365 jours)</source>
        <translation>delay before removal from a volunteer&apos;s laptop (0 to 365 days)</translation>
    </message>
    <message>
        <source>nombre de visites fictives (de 0 à 50 000)</source>
        <translation>number of synthetic visits (0 to 50,000)</translation>
    </message>
    <message>
        <source>coût de la dérivation de clé, {0}</source>
        <translation>key derivation cost, {0}</translation>
    </message>
    <message>
        <source>mois hors de ce que calcule le moteur (de mai 2016 à décembre 2099)</source>
        <translation>month outside what the engine computes (May 2016 to December 2099)</translation>
    </message>
    <message>
        <source>date de visite illisible</source>
        <translation>unreadable visit date</translation>
    </message>
    <message>
        <source>le moteur de droits a échoué sur cette visite</source>
        <translation>the rights engine failed on this visit</translation>
    </message>
    <message>
        <source>coordination</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>bénévole</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <source>réponse obligatoire</source>
        <translation>answer required</translation>
    </message>
    <message>
        <source>question inconnue</source>
        <translation>unknown question</translation>
    </message>
    <message>
        <source>réponse sans objet pour cette visite</source>
        <translation>answer not applicable to this visit</translation>
    </message>
    <message>
        <source>choix impossible</source>
        <translation>invalid choice</translation>
    </message>
    <message>
        <source>un nombre est attendu</source>
        <translation>a number is expected</translation>
    </message>
    <message>
        <source>valeur hors des limites ({min} à {max})</source>
        <translation>value out of range ({min} to {max})</translation>
    </message>
    <message>
        <source>date impossible (JJ/MM/AAAA)</source>
        <translation>invalid date (DD/MM/YYYY)</translation>
    </message>
    <message>
        <source>numéro impossible (10 chiffres, ou +indicatif international)</source>
        <translation>impossible number (10 digits, or +international code)</translation>
    </message>
    <message>
        <source>texte illisible (encodage UTF-8 attendu)</source>
        <translation>unreadable text (UTF-8 expected)</translation>
    </message>
    <message>
        <source>ligne trop longue (au plus {max} octets)</source>
        <translation>line too long (at most {max} bytes)</translation>
    </message>
    <message>
        <source>trop de niveaux imbriqués (au plus {max})</source>
        <translation>too many nested levels (at most {max})</translation>
    </message>
    <message>
        <source>date de visite avant le 01/01/2000</source>
        <translation>visit date before 01/01/2000</translation>
    </message>
    <message>
        <source>date de visite après demain</source>
        <translation>visit date after tomorrow</translation>
    </message>
    <message>
        <source>date à plus d&apos;un an de la visite</source>
        <translation>date more than a year after the visit</translation>
    </message>
    <message>
        <source>texte avec des caractères impossibles</source>
        <translation>text with impossible characters</translation>
    </message>
    <message>
        <source>seule une visite non terminée peut être abandonnée</source>
        <translation>only an unfinished visit can be discarded</translation>
    </message>
    <message>
        <source>identifiant BAN impossible (clé d&apos;interopérabilité)</source>
        <translation>impossible BAN identifier (interoperability key)</translation>
    </message>
    <message>
        <source>Fiche refusée : {0}.</source>
        <translation>Entry refused: {0}.</translation>
    </message>
    <message>
        <source>Annuaire refusé : fichier {0} introuvable. Rien n&apos;a été modifié.</source>
        <translation>Directory refused: file {0} not found. Nothing was changed.</translation>
    </message>
    <message>
        <source>le fichier n&apos;est pas en UTF-8</source>
        <translation>the file is not UTF-8</translation>
    </message>
    <message>
        <source>JSON illisible</source>
        <translation>unreadable JSON</translation>
    </message>
    <message>
        <source>ligne CSV illisible (colonnes en trop ou manquantes)</source>
        <translation>unreadable CSV line (columns too many or missing)</translation>
    </message>
    <message>
        <source>une liste de fiches JSON est attendue</source>
        <translation>a JSON list of records is expected</translation>
    </message>
    <message>
        <source>une fiche (objet JSON) est attendue</source>
        <translation>a record (JSON object) is expected</translation>
    </message>
    <message>
        <source>structures et services mêlés dans un même fichier</source>
        <translation>structures and services mixed in one file</translation>
    </message>
    <message>
        <source>identifiant déjà vu plus haut dans le fichier</source>
        <translation>id already seen earlier in the file</translation>
    </message>
    <message>
        <source>fiche {0} ({1})</source>
        <translation>record {0} ({1})</translation>
    </message>
    <message>
        <source>fiche {0}</source>
        <translation>record {0}</translation>
    </message>
    <message>
        <source>fichier entier</source>
        <translation>whole file</translation>
    </message>
    <message>
        <source>Annuaire refusé : {0}, {1} : {2}. Rien n&apos;a été modifié.</source>
        <translation>Directory refused: {0}, {1}: {2}. Nothing was changed.</translation>
    </message>
    <message>
        <source>date illisible « {value} » (AAAA-MM-JJ attendue)</source>
        <translation>unreadable date “{value}” (YYYY-MM-DD expected)</translation>
    </message>
    <message>
        <source>adresse web invalide « {value} »</source>
        <translation>invalid web address “{value}”</translation>
    </message>
    <message>
        <source>nombre attendu</source>
        <translation>number expected</translation>
    </message>
    <message>
        <source>champ obligatoire manquant</source>
        <translation>required field missing</translation>
    </message>
    <message>
        <source>texte trop court (au moins {min_length} caractères)</source>
        <translation>text too short (at least {min_length} characters)</translation>
    </message>
    <message>
        <source>liste vide</source>
        <translation>empty list</translation>
    </message>
    <message>
        <source>format inattendu « {value} »</source>
        <translation>unexpected format “{value}”</translation>
    </message>
    <message>
        <source>valeur inconnue du schéma data·inclusion 1.0.10 : « {value} »</source>
        <translation>value unknown to the data·inclusion 1.0.10 schema: “{value}”</translation>
    </message>
    <message>
        <source>valeur invalide « {value} »</source>
        <translation>invalid value “{value}”</translation>
    </message>
    <message>
        <source>texte attendu</source>
        <translation>text expected</translation>
    </message>
    <message>
        <source>liste attendue</source>
        <translation>list expected</translation>
    </message>
    <message>
        <source>valeur trop petite (au moins {ge})</source>
        <translation>value too small (at least {ge})</translation>
    </message>
    <message>
        <source>valeur inattendue « {value} »</source>
        <translation>unexpected value “{value}”</translation>
    </message>
    <message>
        <source>valeur refusée par le schéma ({code})</source>
        <translation>value refused by the schema ({code})</translation>
    </message>
    <message>
        <source>La période {0} n&apos;est pas terminée : elle sera publiable le lendemain de son dernier jour.</source>
        <translation>The period {0} is not over: it can be released the day after its last day.</translation>
    </message>
    <message>
        <source>Pas de microdonnées pour un mois ({0}) : seulement pour un trimestre ou une année.</source>
        <translation>No microdata for a month ({0}): only for a quarter or a year.</translation>
    </message>
    <message>
        <source>« {0} » n&apos;est pas une période publiable : un mois (2026-03), un trimestre (2026-Q1) ou une année (2026).</source>
        <translation>“{0}” is not a period that can be released: a month (2026-03), a quarter (2026-Q1) or a year (2026).</translation>
    </message>
    <message>
        <source>Révision refusée : rien n&apos;a changé dans {0} depuis sa publication du {1}. Rien n&apos;a été écrit.</source>
        <translation>Revision refused: nothing changed in {0} since its release of {1}. Nothing was written.</translation>
    </message>
    <message>
        <source>Révision refusée : les changements de {0} depuis sa publication du {1} concernent trop peu de foyers (moins de 11 par case) ; les publier désignerait les visites arrivées entre-temps. La publication du {1} reste valable ; réessayez quand davantage de visites auront été synchronisées. Rien n&apos;a été écrit.</source>
        <translation>Revision refused: the changes to {0} since its release of {1} concern too few households (fewer than 11 per cell); publishing them would point at the visits that arrived in between. The release of {1} stands; try again when more visits have been synchronised. Nothing was written.</translation>
    </message>
    <message>
        <source>Publication de {0} refusée : elle ne peut pas être protégée avec les publications précédentes. Rien n&apos;a été écrit.</source>
        <translation>Release of {0} refused: it cannot be protected together with the earlier releases. Nothing was written.</translation>
    </message>
    <message>
        <source>Publiez d&apos;abord le tableau de {0} : les microdonnées sont protégées avec lui.</source>
        <translation>Publish the table of {0} first: the microdata are protected together with it.</translation>
    </message>
    <message>
        <source>Microdonnées de {0} refusées : celles de {1} sont déjà publiées et chevauchent cette période ; deux fichiers de lignes qui se recouvrent se soustrairaient l&apos;un de l&apos;autre.</source>
        <translation>Microdata of {0} refused: those of {1} are already released and overlap this period; two files of rows that overlap would subtract from each other.</translation>
    </message>
    <message>
        <source>{0} est un lien symbolique : refusé, écrivez dans un vrai dossier.</source>
        <translation>{0} is a symbolic link: refused, write to a real folder.</translation>
    </message>
    <message>
        <source>{0} est intact mais signé par une autre clé que celle donnée (empreinte de sa clé : {1}). Vérifiez la clé du territoire.</source>
        <translation>{0} is intact but signed by another key than the one given (its key&apos;s fingerprint: {1}). Check the territory&apos;s key.</translation>
    </message>
    <message>
        <source>Fusion refusée : {1} et {2} sont du même territoire ({0}) et leurs périodes se chevauchent ; côte à côte, elles se soustrairaient en une case masquée. Choisissez des périodes disjointes.</source>
        <translation>Merge refused: {1} and {2} are from the same territory ({0}) and their periods overlap; side by side they would subtract into a hidden cell. Choose periods that do not overlap.</translation>
    </message>
    <message>
        <source>Fusion refusée : aucune clé publique donnée pour le territoire {0} ({1}). Donnez-la avec --keys ou --key, ou relancez avec --unverified.</source>
        <translation>Merge refused: no public key given for the territory {0} ({1}). Give it with --keys or --key, or run again with --unverified.</translation>
    </message>
    <message>
        <source>Fusion refusée : {0} n&apos;est pas un tableau d&apos;indicateurs.</source>
        <translation>Merge refused: {0} is not an indicator table.</translation>
    </message>
    <message>
        <source>Opération refusée.</source>
        <translation>Operation refused.</translation>
    </message>
    <message>
        <source>date dans le futur</source>
        <translation>date in the future</translation>
    </message>
    <message>
        <source>date déjà passée</source>
        <translation>date already past</translation>
    </message>
    <message>
        <source>un texte est attendu</source>
        <translation>a text is expected</translation>
    </message>
    <message>
        <source>texte trop long (au plus {max_length} caractères)</source>
        <translation>text too long (at most {max_length} characters)</translation>
    </message>
    <message>
        <source>commune inconnue (code INSEE)</source>
        <translation>unknown municipality (INSEE code)</translation>
    </message>
    <message>
        <source>au moins {min} personne(s)</source>
        <translation>at least {min} person(s)</translation>
    </message>
    <message>
        <source>au plus {max} personnes</source>
        <translation>at most {max} people</translation>
    </message>
    <message>
        <source>la première personne est la personne de référence</source>
        <translation>the first person is the reference person</translation>
    </message>
    <message>
        <source>une seule personne peut avoir ce lien</source>
        <translation>only one person can have this relationship</translation>
    </message>
    <message>
        <source>personne inexistante</source>
        <translation>no such person</translation>
    </message>
    <message>
        <source>une liste est attendue</source>
        <translation>a list is expected</translation>
    </message>
    <message>
        <source>ligne JSON illisible</source>
        <translation>unreadable JSON line</translation>
    </message>
    <message>
        <source>format inconnu (attendu allervers-visit/1)</source>
        <translation>unknown format (expected allervers-visit/1)</translation>
    </message>
    <message>
        <source>questionnaire inconnu</source>
        <translation>unknown questionnaire</translation>
    </message>
</context>
<context>
    <name>MissingAnswers</name>
    <message>
        <source>Pour conclure, il manque ces réponses (cliquez pour compléter) :</source>
        <translation>To conclude, these answers are missing (click to complete them):</translation>
    </message>
</context>
<context>
    <name>Money3Field</name>
    <message>
        <source>pas le même chaque mois</source>
        <translation>not the same every month</translation>
    </message>
    <message>
        <source>€ par mois</source>
        <translation>€ per month</translation>
    </message>
    <message>
        <source>Indiquez un montant pour chacun des trois mois.</source>
        <translation>Give an amount for each of the three months.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>Au moins {0} caractères. Une phrase de plusieurs mots est plus facile à retenir et plus difficile à deviner.</source>
        <translation>At least {0} characters. A phrase of several words is easier to remember and harder to guess.</translation>
    </message>
    <message>
        <source>Phrase de passe :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Solidité :</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Confirmation :</source>
        <translation>Confirm:</translation>
    </message>
    <message>
        <source>Les deux saisies diffèrent.</source>
        <translation>The two entries differ.</translation>
    </message>
</context>
<context>
    <name>NextDoors</name>
    <message>
        <source>Portes suivantes</source>
        <translation>Next doors</translation>
    </message>
    <message>
        <source>Choisissez une commune pour voir ses portes à revoir.</source>
        <translation>Choose a commune to see its doors to knock at again.</translation>
    </message>
    <message>
        <source>{0} : {1} porte(s) à revoir. Cliquez sur une porte pour la reprendre.</source>
        <translation>{0}: {1} door(s) to knock at again. Click one to take it up.</translation>
    </message>
    <message>
        <source>{0} : aucune porte à revoir.</source>
        <translation>{0}: no door to knock at again.</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>trop courte</source>
        <translation>too short</translation>
    </message>
    <message>
        <source>faible</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>correcte</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>solide</source>
        <translation>strong</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Phrase de passe du coordinateur</source>
        <translation>Coordinator&apos;s passphrase</translation>
    </message>
    <message>
        <source>Elle chiffre toutes les données. Personne ne pourra la retrouver pour vous : la clé de secours, à l&apos;étape suivante, sera le seul recours.</source>
        <translation>It encrypts all the data. Nobody can recover it for you: the recovery key, at the next step, will be the only way back.</translation>
    </message>
    <message>
        <source>Créer l&apos;espace de travail</source>
        <translation>Create the workspace</translation>
    </message>
    <message>
        <source>Création de l&apos;espace de travail</source>
        <translation>Creating the workspace</translation>
    </message>
    <message>
        <source>Création de l&apos;espace de travail…</source>
        <translation>Creating the workspace…</translation>
    </message>
</context>
<context>
    <name>PdfSaver</name>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Écriture d&apos;un document PDF</source>
        <translation>Writing a PDF document</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>{0}e trimestre {1}</source>
        <translation>Q{0} {1}</translation>
    </message>
    <message>
        <source>1er trimestre {0}</source>
        <translation>Q1 {0}</translation>
    </message>
    <message>
        <source>Année {0}</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <source>Autre période…</source>
        <translation>Other period…</translation>
    </message>
    <message>
        <source>du</source>
        <translation>from</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Période :</source>
        <translation>&amp;Period:</translation>
    </message>
</context>
<context>
    <name>PersonRights</name>
    <message>
        <source>Effacer les données personnelles de {0}&#xa0;?</source>
        <translation>Erase the personal data of {0}?</translation>
    </message>
    <message>
        <source>Effacer les données personnelles de ce foyer&#xa0;?</source>
        <translation>Erase the personal data of this household?</translation>
    </message>
    <message>
        <source>Seront effacés pour de bon : le nom, l&apos;adresse, le téléphone, les réponses aux entretiens, les raisons du non-recours, les notes et les contacts des orientations. Le foyer quittera le suivi des dossiers.

Resteront, sans rien qui désigne la personne, les comptes anonymes des chiffres : portes frappées, commune, nombre de personnes, droits repérés et ouverts.

Cet effacement ne peut pas être annulé. Si la personne veut une copie de ses données, exportez-les d&apos;abord.</source>
        <translation>Erased for good: the name, the address, the phone number, the interview answers, the reasons for non-take-up, the notes and the referrals&apos; contacts. The household will leave the case follow-up.

Kept, with nothing that identifies the person: the anonymous counts behind the figures (doors knocked, municipality, number of people, rights flagged and opened).

This erasure cannot be undone. If the person wants a copy of their data, export it first.</translation>
    </message>
</context>
<context>
    <name>PersonRightsBox</name>
    <message>
        <source>Données de la personne (RGPD)</source>
        <translation>The person&apos;s data (GDPR)</translation>
    </message>
    <message>
        <source>E&amp;xporter les données de la personne…</source>
        <translation>E&amp;xport the person&apos;s data…</translation>
    </message>
    <message>
        <source>E&amp;ffacer les données personnelles…</source>
        <translation>E&amp;rase the personal data…</translation>
    </message>
    <message>
        <source>Dossier où écrire les données de la personne</source>
        <translation>Folder where the person&apos;s data are written</translation>
    </message>
    <message>
        <source>Export des données en cours…</source>
        <translation>Exporting the data…</translation>
    </message>
    <message>
        <source>Export des données de la personne</source>
        <translation>Export of the person&apos;s data</translation>
    </message>
    <message>
        <source>Données de la personne écrites dans {0} : {1} et {2}.</source>
        <translation>The person&apos;s data were written in {0}: {1} and {2}.</translation>
    </message>
    <message>
        <source>Effacer les données personnelles</source>
        <translation>Erase the personal data</translation>
    </message>
    <message>
        <source>&amp;Effacer</source>
        <translation>&amp;Erase</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>PistesBox</name>
    <message>
        <source>Près de chez vous, pour les besoins notés (pistes à vérifier)</source>
        <translation>Near home, for the needs recorded (leads to check)</translation>
    </message>
    <message>
        <source>L&apos;annuaire n&apos;a pas l&apos;adresse ou le téléphone de l&apos;accueil : {0}. La feuille dit où les trouver ; complétez-les dans la page Annuaire.</source>
        <translation>The directory lacks the address or the phone of the office: {0}. The sheet says where to find them; complete them on the Directory page.</translation>
    </message>
</context>
<context>
    <name>RecentVisits</name>
    <message>
        <source>Visites récentes</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <source>&amp;Ouvrir la visite</source>
        <translation>&amp;Open the visit</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Nouvelle clé de secours</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>Une nouvelle clé de secours remplace l&apos;actuelle : l&apos;ancienne clé, et toute feuille qui la porte, n&apos;ouvrira plus rien. La nouvelle n&apos;est affichée qu&apos;une fois : enregistrez la feuille et imprimez-la, ou notez la clé.</source>
        <translation>A new recovery key replaces the current one: the old key, and any sheet that carries it, will open nothing any more. The new one is shown only once: save the sheet and print it, or write the key down.</translation>
    </message>
    <message>
        <source>Remplacer la clé</source>
        <translation>Replace the key</translation>
    </message>
    <message>
        <source>Enregistrer la feuille…</source>
        <translation>Save the sheet…</translation>
    </message>
    <message>
        <source>Clé remplacée : l&apos;ancienne n&apos;ouvre plus rien.</source>
        <translation>Key replaced: the old one no longer opens anything.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Elle permet de choisir une nouvelle phrase de passe si elle est oubliée. Elle ne sera plus jamais affichée.</source>
        <translation>It lets you choose a new passphrase if the passphrase is forgotten. It will never be shown again.</translation>
    </message>
    <message>
        <source>Notez-la ou imprimez la feuille de secours, puis rangez-la sous clé, jamais avec l&apos;ordinateur : elle ouvre toutes les données de l&apos;espace de travail.</source>
        <translation>Write it down or print the recovery sheet, then keep it locked away, never with the computer: it opens all the data of the workspace.</translation>
    </message>
    <message>
        <source>Imprimer la feuille de secours (PDF)…</source>
        <translation>Print the recovery sheet (PDF)…</translation>
    </message>
    <message>
        <source>Pour confirmer, tapez les 4 derniers caractères de la clé :</source>
        <translation>To confirm, type the last 4 characters of the key:</translation>
    </message>
</context>
<context>
    <name>RecoveryResetDialog</name>
    <message>
        <source>Phrase de passe oubliée</source>
        <translation>Forgotten passphrase</translation>
    </message>
    <message>
        <source>Avec la clé de secours imprimée à la création de l&apos;espace de travail, choisissez une nouvelle phrase de passe. Sans elle, personne ne peut rouvrir les données.</source>
        <translation>With the recovery key printed when the workspace was created, choose a new passphrase. Without it, nobody can open the data again.</translation>
    </message>
    <message>
        <source>Nouvelle phrase de passe :</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>Nom d&apos;utilisateur :</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Clé de secours :</source>
        <translation>Recovery key:</translation>
    </message>
    <message>
        <source>Enregistrer et déverrouiller</source>
        <translation>Save and unlock</translation>
    </message>
    <message>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Nouvelle phrase de passe avec la clé de secours</source>
        <translation>New passphrase with the recovery key</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Enregistrer la feuille de secours</source>
        <translation>Save the recovery sheet</translation>
    </message>
    <message>
        <source>cle-de-secours-aller-vers.pdf</source>
        <translation>aller-vers-recovery-key.pdf</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Feuille enregistrée dans {0} : imprimez-la, rangez-la à part, puis supprimez le fichier.</source>
        <translation>Sheet saved to {0}: print it, keep it somewhere separate, then delete the file.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>USAGE INTERNE – non signé, ne pas transmettre aux évaluateurs</source>
        <translation>INTERNAL USE – not signed, do not send to the evaluators</translation>
    </message>
    <message>
        <source>Usage interne du territoire : chiffres exacts, petits effectifs compris, pour des dates choisies librement. Ce rapport n&apos;est ni signé ni protégé par le secret statistique. Les évaluateurs reçoivent les publications signées (mois, trimestre ou année terminés, page « Export » ou commande « allervers export »).</source>
        <translation>For the territory&apos;s internal use: exact counts, small ones included, for freely chosen dates. This report is neither signed nor protected by statistical secrecy. The evaluators receive the signed releases (months, quarters or years that are over, « Export » page or « allervers export » command).</translation>
    </message>
    <message>
        <source>Aucun sur la période.</source>
        <translation>None in the period.</translation>
    </message>
    <message>
        <source>Rapport d&apos;activité – aller vers</source>
        <translation>Activity report – outreach</translation>
    </message>
    <message>
        <source>Période du {0} au {1} ({2}). Produit le {3}.</source>
        <translation>Period from {0} to {1} ({2}). Produced on {3}.</translation>
    </message>
    <message>
        <source>Chiffres agrégés, sans aucune donnée nominative. Les droits « probables » sont estimés avec OpenFisca-France à partir des réponses des foyers.</source>
        <translation>Aggregated figures, with no personal data. “Probable” rights are estimated with OpenFisca-France from the households&apos; answers.</translation>
    </message>
    <message>
        <source>Rapport d&apos;activité</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <source>Vos données enregistrées par Aller-Vers</source>
        <translation>Your data recorded by Aller-Vers</translation>
    </message>
    <message>
        <source>Copie remise à votre demande (RGPD, article 15). Exportée le {0}.</source>
        <translation>Copy given at your request (GDPR, article 15). Exported on {0}.</translation>
    </message>
</context>
<context>
    <name>ReportSaver</name>
    <message>
        <source>rapport-activite-{0}.pdf</source>
        <translation>activity-report-{0}.pdf</translation>
    </message>
    <message>
        <source>Enregistrer le rapport d&apos;activité</source>
        <translation>Save the activity report</translation>
    </message>
    <message>
        <source>Le fichier {0} existe déjà. Le remplacer par ce rapport ?</source>
        <translation>The file {0} already exists. Replace it with this report?</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Aucun foyer sans contact depuis plus de {0} mois : il n&apos;y a rien à effacer.</source>
        <translation>No household without contact for more than {0} months: nothing to erase.</translation>
    </message>
    <message>
        <source>1 foyer sans contact depuis plus de {0} mois.</source>
        <translation>1 household without contact for more than {0} months.</translation>
    </message>
    <message>
        <source>{0} foyers sans contact depuis plus de {1} mois.</source>
        <translation>{0} households without contact for more than {1} months.</translation>
    </message>
    <message>
        <source>&amp;Effacer ce foyer…</source>
        <translation>&amp;Erase this household…</translation>
    </message>
    <message>
        <source>&amp;Effacer ces {0} foyers…</source>
        <translation>&amp;Erase these {0} households…</translation>
    </message>
    <message>
        <source>Effacer les données personnelles du foyer sans contact depuis plus de {0} mois&#xa0;?</source>
        <translation>Erase the personal data of the household without contact for more than {0} months?</translation>
    </message>
    <message>
        <source>Effacer les données personnelles des {0} foyers sans contact depuis plus de {1} mois&#xa0;?</source>
        <translation>Erase the personal data of the {0} households without contact for more than {1} months?</translation>
    </message>
    <message>
        <source>Seront effacés pour de bon : les noms, adresses, téléphones, réponses aux entretiens, raisons du non-recours, notes et contacts des orientations. Ces foyers quitteront le suivi des dossiers.

Resteront, sans rien qui désigne les personnes, les comptes anonymes des chiffres : portes frappées, communes, nombres de personnes, droits repérés et ouverts.

Cet effacement ne peut pas être annulé.</source>
        <translation>Erased for good: the names, addresses, phone numbers, interview answers, reasons for non-take-up, notes and referrals&apos; contacts. These households will leave the case follow-up.

Kept, with nothing that identifies the people: the anonymous counts behind the figures (doors knocked, municipalities, numbers of people, rights flagged and opened).

This erasure cannot be undone.</translation>
    </message>
    <message>
        <source>Aucun foyer effacé.</source>
        <translation>No household erased.</translation>
    </message>
    <message>
        <source>1 foyer effacé ; ses comptes anonymes restent dans les chiffres.</source>
        <translation>1 household erased; its anonymous counts remain in the figures.</translation>
    </message>
    <message>
        <source>{0} foyers effacés ; leurs comptes anonymes restent dans les chiffres.</source>
        <translation>{0} households erased; their anonymous counts remain in the figures.</translation>
    </message>
    <message>
        <source>Conservation des données</source>
        <translation>Data retention</translation>
    </message>
    <message>
        <source>Les données d&apos;un foyer sont gardées {0} mois après le dernier contact (CNIL, référentiel du secteur social et médico-social 2023-095). Passé ce délai, ses données personnelles sont effacées ; les comptes anonymes des chiffres restent.</source>
        <translation>A household&apos;s data are kept {0} months after the last contact (CNIL, reference framework for the social and medico-social sector 2023-095). After that, its personal data are erased; the anonymous counts behind the figures remain.</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Recherche des foyers sans contact…</source>
        <translation>Looking for households without contact…</translation>
    </message>
    <message>
        <source>Recherche des foyers sans contact</source>
        <translation>Looking for households without contact</translation>
    </message>
    <message>
        <source>Effacer les foyers sans contact</source>
        <translation>Erase the households without contact</translation>
    </message>
    <message>
        <source>&amp;Effacer</source>
        <translation>&amp;Erase</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Effacement en cours…</source>
        <translation>Erasing…</translation>
    </message>
    <message>
        <source>Effacement des foyers sans contact</source>
        <translation>Erasing households without contact</translation>
    </message>
</context>
<context>
    <name>RightCard</name>
    <message>
        <source>Il manque : {0}</source>
        <translation>Missing: {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Où aller :&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Where to go:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;À apporter :&lt;/b&gt; {0}.</source>
        <translation>&lt;b&gt;To bring:&lt;/b&gt; {0}.</translation>
    </message>
</context>
<context>
    <name>RightsPanel</name>
    <message>
        <source>{0} à {1}</source>
        <translation>{0} at {1}</translation>
    </message>
    <message>
        <source>Droits à vérifier avec le foyer</source>
        <translation>Rights to check with the household</translation>
    </message>
    <message>
        <source>Visite du {0}</source>
        <translation>Visit of {0}</translation>
    </message>
    <message>
        <source>&amp;Retour aux portes</source>
        <translation>&amp;Back to the doors</translation>
    </message>
    <message>
        <source>Re&amp;calculer</source>
        <translation>Re&amp;calculate</translation>
    </message>
    <message>
        <source>&amp;Feuille pour le foyer (PDF)…</source>
        <translation>&amp;Sheet for the household (PDF)…</translation>
    </message>
    <message>
        <source>Calcul en cours…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Le moteur de calcul finit de se charger : le premier calcul prend un peu plus de temps. Vous pouvez revenir aux portes, le résultat sera enregistré.</source>
        <translation>The calculation engine is finishing loading: the first calculation takes a little longer. You can go back to the doors; the result will be saved.</translation>
    </message>
    <message>
        <source>Les résultats affichés sont ceux du calcul précédent.</source>
        <translation>The results shown are those of the previous computation.</translation>
    </message>
    <message>
        <source>L&apos;entretien est bien enregistré : les droits pourront être évalués plus tard (« Évaluer les droits » depuis la visite).</source>
        <translation>The interview is saved: rights can be assessed later (“Assess rights” from the visit).</translation>
    </message>
    <message>
        <source>Le moteur de calcul n&apos;est pas disponible.</source>
        <translation>The calculation engine is not available.</translation>
    </message>
    <message>
        <source>Le moteur de calcul n&apos;a pas pu démarrer.</source>
        <translation>The calculation engine could not start.</translation>
    </message>
    <message>
        <source>Le calcul n&apos;a pas abouti pour ce foyer. L&apos;entretien est bien enregistré ; vous pouvez réessayer avec « Recalculer ».</source>
        <translation>The calculation failed for this household. The interview is saved; you can try again with “Recalculate”.</translation>
    </message>
    <message>
        <source>1 droit probablement non perçu : à voir avec le foyer.</source>
        <translation>1 right probably not received: to go through with the household.</translation>
    </message>
    <message>
        <source>{0} droits probablement non perçus : à voir avec le foyer.</source>
        <translation>{0} rights probably not received: to go through with the household.</translation>
    </message>
    <message>
        <source>Rien à conclure pour l&apos;instant : des réponses manquent.</source>
        <translation>Nothing to conclude yet: answers are missing.</translation>
    </message>
    <message>
        <source>D&apos;après les réponses, aucun droit probablement non perçu.</source>
        <translation>From the answers, no right that is probably not received.</translation>
    </message>
    <message>
        <source>Estimations calculées le {0} avec OpenFisca-France {1}. Seul l&apos;organisme qui verse un droit peut décider.</source>
        <translation>Estimates computed on {0} with OpenFisca-France {1}. Only the organisation that pays a right can decide.</translation>
    </message>
    <message>
        <source>Écriture de la feuille…</source>
        <translation>Writing the sheet…</translation>
    </message>
    <message>
        <source>Feuille pour le foyer enregistrée : {0}</source>
        <translation>Sheet for the household saved: {0}</translation>
    </message>
</context>
<context>
    <name>RoundDoors</name>
    <message>
        <source>à revoir aujourd&apos;hui</source>
        <translation>to see again today</translation>
    </message>
    <message>
        <source>absent {0} fois</source>
        <translation>absent {0} times</translation>
    </message>
    <message>
        <source>à frapper</source>
        <translation>to knock</translation>
    </message>
    <message>
        <source>Mes tournées : portes suivantes</source>
        <translation>My rounds: next doors</translation>
    </message>
    <message>
        <source>Absent : &amp;toute la rue</source>
        <translation>Absent: &amp;whole street</translation>
    </message>
    <message>
        <source>Personne n&apos;a ouvert dans cette rue : « absent » pour ses portes à frapper</source>
        <translation>Nobody opened in this street: “absent” for its doors to knock</translation>
    </message>
    <message>
        <source>Ne plus &amp;déranger</source>
        <translation>&amp;Do not disturb again</translation>
    </message>
    <message>
        <source>La personne demande à ne plus être sollicitée</source>
        <translation>The person asks not to be approached again</translation>
    </message>
    <message>
        <source>Autre &amp;porte ici</source>
        <translation>Another &amp;door here</translation>
    </message>
    <message>
        <source>Une autre porte à cette adresse (logements, ferme) : « porte 2 »</source>
        <translation>Another door at this address (flats, farm): “porte 2”</translation>
    </message>
    <message>
        <source>{0} : {1} porte(s) à frapper aujourd&apos;hui.</source>
        <translation>{0}: {1} door(s) to knock today.</translation>
    </message>
    <message>
        <source>{0} : toutes les portes du jour sont faites.</source>
        <translation>{0}: all of today&apos;s doors are done.</translation>
    </message>
    <message>
        <source>Choisissez une porte de la rue dans la liste.</source>
        <translation>Choose a door of the street in the list.</translation>
    </message>
    <message>
        <source>« Absent » enregistré pour {0} porte(s) de {1}.</source>
        <translation>“Absent” recorded for {0} door(s) of {1}.</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord la porte dans la liste.</source>
        <translation>First choose the door in the list.</translation>
    </message>
    <message>
        <source>Porte ajoutée : {0}.</source>
        <translation>Door added: {0}.</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <source>Repérage</source>
        <translation>First knock</translation>
    </message>
    <message>
        <source>Relance</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Tournée</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Portes frappées</source>
        <translation>Doors knocked</translation>
    </message>
    <message>
        <source>Couverture</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Bénévoles</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Commune :</source>
        <translation>&amp;Commune:</translation>
    </message>
    <message>
        <source>&amp;Rues et lieux-dits :</source>
        <translation>&amp;Streets and lieux-dits:</translation>
    </message>
    <message>
        <source>&amp;Type :</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Bénévole :</source>
        <translation>&amp;Volunteer:</translation>
    </message>
    <message>
        <source>&amp;Binôme :</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>Créer la &amp;tournée</source>
        <translation>Create the &amp;round</translation>
    </message>
    <message>
        <source>&amp;Dessiner sur la carte</source>
        <translation>&amp;Draw on the map</translation>
    </message>
    <message>
        <source>&amp;Confier la tournée choisie</source>
        <translation>&amp;Give the chosen round</translation>
    </message>
    <message>
        <source>Nouvelle tournée ou nouveaux bénévoles</source>
        <translation>New round or new volunteers</translation>
    </message>
    <message>
        <source>(personne)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>{0} ({1} portes)</source>
        <translation>{0} ({1} doors)</translation>
    </message>
    <message>
        <source>non confiée</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Entourez les portes de la tournée sur la carte, en gardant le bouton appuyé.</source>
        <translation>Circle the round&apos;s doors on the map, holding the button down.</translation>
    </message>
    <message>
        <source>Tournée « {0} » créée : {1} portes.</source>
        <translation>Round “{0}” created: {1} doors.</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une tournée dans la liste.</source>
        <translation>First choose a round in the list.</translation>
    </message>
    <message>
        <source>personne</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>Tournée « {0} » confiée à {1}.</source>
        <translation>Round “{0}” given to {1}.</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>{0} — personne {1} sur {2}</source>
        <translation>{0} — person {1} of {2}</translation>
    </message>
    <message>
        <source>&amp;Ajouter une personne</source>
        <translation>&amp;Add a person</translation>
    </message>
    <message>
        <source>Retirer cette personne</source>
        <translation>Remove this person</translation>
    </message>
    <message>
        <source>Confirmer : retirer la personne {0}</source>
        <translation>Confirm: remove person {0}</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>Gratuite, sans cotisation (estimation)</source>
        <translation>Free, no contribution (estimate)</translation>
    </message>
    <message>
        <source>Avec une participation d&apos;environ {0} par mois (estimation)</source>
        <translation>With a contribution of about {0} per month (estimate)</translation>
    </message>
    <message>
        <source>Vos droits à vérifier</source>
        <translation>Your rights to check</translation>
    </message>
    <message>
        <source>Visite du {0}. Remis par {1}, bénévole.</source>
        <translation>Visit of {0}. Handed over by {1}, volunteer.</translation>
    </message>
    <message>
        <source>D&apos;après vos réponses, aucun droit supplémentaire n&apos;a été repéré aujourd&apos;hui. Si votre situation change, n&apos;hésitez pas à vous renseigner.</source>
        <translation>From your answers, no further right was found today. If your situation changes, do not hesitate to ask.</translation>
    </message>
    <message>
        <source>Le chèque énergie est envoyé automatiquement après la déclaration de revenus : faites votre déclaration, même sans revenu.</source>
        <translation>The energy voucher is sent automatically after the income tax return: file your return, even with no income.</translation>
    </message>
    <message>
        <source>Où aller :</source>
        <translation>Where to go:</translation>
    </message>
    <message>
        <source>À apporter :</source>
        <translation>What to bring:</translation>
    </message>
    <message>
        <source>Les montants sont des estimations faites à partir de vos réponses, avec le simulateur officiel OpenFisca-France. Seul l&apos;organisme qui verse le droit peut décider. Cette feuille ne contient ni votre nom ni votre adresse.</source>
        <translation>The amounts are estimates made from your answers with the official OpenFisca-France simulator. Only the organisation that pays the right can decide. This sheet holds neither your name nor your address.</translation>
    </message>
    <message>
        <source>tél. {0}</source>
        <translation>tel. {0}</translation>
    </message>
    <message>
        <source>Informations de plus d&apos;un an : à vérifier.</source>
        <translation>Information over a year old: to check.</translation>
    </message>
    <message>
        <source>Pour trouver l&apos;accueil : {0}.</source>
        <translation>To find the office: {0}.</translation>
    </message>
    <message>
        <source>Près de chez vous, pour vous aider</source>
        <translation>Near you, to help you</translation>
    </message>
    <message>
        <source>Des pistes, à vérifier auprès de chaque lieu : chacun décide qui il accueille.</source>
        <translation>Leads, to check with each place: each decides whom it takes.</translation>
    </message>
    <message>
        <source>Ni téléphone ni courriel connus : passez sur place.</source>
        <translation>No phone or e-mail known: go there in person.</translation>
    </message>
    <message>
        <source>Qui peut y aller n&apos;est pas précisé : renseignez-vous.</source>
        <translation>Who may go is not stated: ask.</translation>
    </message>
</context>
<context>
    <name>SheetSaver</name>
    <message>
        <source>feuille-droits-{0}.pdf</source>
        <translation>rights-sheet-{0}.pdf</translation>
    </message>
    <message>
        <source>Enregistrer la feuille pour le foyer</source>
        <translation>Save the sheet for the household</translation>
    </message>
    <message>
        <source>Le fichier {0} existe déjà. Le remplacer par cette feuille ?</source>
        <translation>The file {0} already exists. Replace it with this sheet?</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Orienter…</source>
        <translation>Refer…</translation>
    </message>
    <message>
        <source>Demande déposée…</source>
        <translation>Claim filed…</translation>
    </message>
    <message>
        <source>Droit ouvert…</source>
        <translation>Right granted…</translation>
    </message>
    <message>
        <source>Refusé…</source>
        <translation>Refused…</translation>
    </message>
    <message>
        <source>Abandon…</source>
        <translation>Abandoned…</translation>
    </message>
    <message>
        <source>Sans nouvelles…</source>
        <translation>No news…</translation>
    </message>
    <message>
        <source>À orienter</source>
        <translation>To refer</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>&amp;Motif :</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Date de l&apos;orientation :</source>
        <translation>&amp;Date of the referral:</translation>
    </message>
    <message>
        <source>&amp;Date du dépôt :</source>
        <translation>&amp;Date of the claim:</translation>
    </message>
    <message>
        <source>&amp;Date de la décision :</source>
        <translation>&amp;Date of the decision:</translation>
    </message>
    <message>
        <source>&amp;Date du refus :</source>
        <translation>&amp;Date of the refusal:</translation>
    </message>
    <message>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Date de la relance :</source>
        <translation>&amp;Date of the reminder:</translation>
    </message>
    <message>
        <source>nom de l&apos;agent, accueil…</source>
        <translation>agent&apos;s name, front desk…</translation>
    </message>
    <message>
        <source>Rendez-&amp;vous pris le</source>
        <translation>Appoint&amp;ment made for</translation>
    </message>
    <message>
        <source>&amp;Organisme :</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Aussi orienté vers :</source>
        <translation>Also referred to:</translation>
    </message>
    <message>
        <source>&amp;Contact (facultatif) :</source>
        <translation>&amp;Contact (optional):</translation>
    </message>
    <message>
        <source>&amp;Lieu (annuaire) :</source>
        <translation>&amp;Place (directory):</translation>
    </message>
    <message>
        <source>par exemple 607,75</source>
        <translation>for example 607.75</translation>
    </message>
    <message>
        <source>&amp;Montant par an (€) :</source>
        <translation>&amp;Amount per year (€):</translation>
    </message>
    <message>
        <source>&amp;Montant par mois (€) :</source>
        <translation>&amp;Amount per month (€):</translation>
    </message>
    <message>
        <source>Droit ouvert à &amp;partir du :</source>
        <translation>Right granted &amp;from:</translation>
    </message>
    <message>
        <source>Montant attendu en euros, par exemple 607,75.</source>
        <translation>Amount expected in euros, for example 607.75.</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} — sinon impossible à dire : {1}</source>
        <translation>{0} — otherwise cannot tell: {1}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>À compléter avant de terminer :</source>
        <translation>To complete before finishing:</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Équipe et synchronisation</source>
        <translation>Team and synchronisation</translation>
    </message>
    <message>
        <source>Les fichiers passent d&apos;un ordinateur à l&apos;autre sur une clé USB ou un dossier partagé. Chacun est chiffré pour son destinataire et signé : personne d&apos;autre ne peut le lire ni le modifier sans que cela se voie.</source>
        <translation>Files go from one computer to another on a USB stick or a shared folder. Each is encrypted for its recipient and signed: nobody else can read it, nor change it without it showing.</translation>
    </message>
    <message>
        <source>I&amp;mporter un fichier reçu…</source>
        <translation>I&amp;mport a received file…</translation>
    </message>
    <message>
        <source>Préparer un fichier pour</source>
        <translation>Prepare a file for</translation>
    </message>
    <message>
        <source>&amp;Enregistrer le fichier…</source>
        <translation>&amp;Save the file…</translation>
    </message>
    <message>
        <source>&amp;Préparer un fichier pour la coordination…</source>
        <translation>&amp;Prepare a file for the coordinator…</translation>
    </message>
    <message>
        <source>Synchroniser</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>(compte inconnu)</source>
        <translation>(unknown account)</translation>
    </message>
    <message>
        <source>Invitation pour {0} écrite dans {1}. Remettez-la à la personne, et la phrase de passe de vive voix, jamais avec le fichier. Quand elle rejoindra l&apos;équipe, son écran affichera l&apos;empreinte de cet ordinateur : {2}.</source>
        <translation>Invitation for {0} written to {1}. Hand it to the person, and the passphrase by voice, never with the file. When they join the team, their screen will show this computer&apos;s fingerprint: {2}.</translation>
    </message>
    <message>
        <source>Réponse d&apos;inscription reçue</source>
        <translation>Enrolment reply received</translation>
    </message>
    <message>
        <source>Réponses d&apos;inscription (*.avreply)</source>
        <translation>Enrolment replies (*.avreply)</translation>
    </message>
    <message>
        <source>Inscription d&apos;un ordinateur</source>
        <translation>Enrolling a computer</translation>
    </message>
    <message>
        <source>Vérification de la réponse…</source>
        <translation>Checking the reply…</translation>
    </message>
    <message>
        <source>Ordinateur de {0} inscrit. Son empreinte : {1} — comparez-la de vive voix avec celle affichée sur son ordinateur (page « Équipe et synchronisation »).</source>
        <translation>{0}&apos;s computer enrolled. Its fingerprint: {1} — compare it by voice with the one shown on their computer (“Team and synchronisation” page).</translation>
    </message>
    <message>
        <source>synchro-{0}</source>
        <translation>sync-{0}</translation>
    </message>
    <message>
        <source>Enregistrer le fichier de synchronisation</source>
        <translation>Save the synchronisation file</translation>
    </message>
    <message>
        <source>Fichiers de synchronisation (*.avsync)</source>
        <translation>Synchronisation files (*.avsync)</translation>
    </message>
    <message>
        <source>Préparation d&apos;un fichier de synchronisation</source>
        <translation>Preparing a sync file</translation>
    </message>
    <message>
        <source>Préparation du fichier…</source>
        <translation>Preparing the file…</translation>
    </message>
    <message>
        <source>Rien de nouveau à envoyer : le fichier {0} confirme seulement à {1} ce que cet ordinateur a déjà reçu.</source>
        <translation>Nothing new to send: the file {0} only confirms to {1} what this computer has already received.</translation>
    </message>
    <message>
        <source>{0} enregistrement chiffré</source>
        <translation>{0} encrypted record</translation>
    </message>
    <message>
        <source>{0} enregistrements chiffrés</source>
        <translation>{0} encrypted records</translation>
    </message>
    <message>
        <source>Fichier prêt : {0} ({1} pour {2}). Remettez-le à {2} par une clé USB ou un dossier partagé : seul son ordinateur peut l&apos;ouvrir.</source>
        <translation>File ready: {0} ({1} for {2}). Hand it to {2} on a USB stick or a shared folder: only their computer can open it.</translation>
    </message>
    <message>
        <source>Fichier de synchronisation reçu</source>
        <translation>Synchronisation file received</translation>
    </message>
    <message>
        <source>Import d&apos;un fichier de synchronisation</source>
        <translation>Importing a sync file</translation>
    </message>
    <message>
        <source>Vérification et import du fichier…</source>
        <translation>Checking and importing the file…</translation>
    </message>
    <message>
        <source>Conflit réglé : la valeur reçue est gardée. Elle repartira vers les bénévoles concernés avec leur prochain fichier.</source>
        <translation>Conflict settled: the value received is kept. It will go back to the volunteers concerned with their next file.</translation>
    </message>
    <message>
        <source>Conflit réglé : la valeur d&apos;ici est gardée.</source>
        <translation>Conflict settled: the value here is kept.</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>aucun nouvel enregistrement</source>
        <translation>no new record</translation>
    </message>
    <message>
        <source>{0} nouvel enregistrement (foyer, visite, droits, suivi…)</source>
        <translation>{0} new record (household, visit, rights, follow-up…)</translation>
    </message>
    <message>
        <source>{0} nouveaux enregistrements (foyers, visites, droits, suivi…)</source>
        <translation>{0} new records (households, visits, rights, follow-up…)</translation>
    </message>
    <message>
        <source>{0} mis à jour</source>
        <translation>{0} updated</translation>
    </message>
    <message>
        <source>{0} déjà à jour</source>
        <translation>{0} already up to date</translation>
    </message>
    <message>
        <source>Fichier vérifié et importé : {0}.</source>
        <translation>File checked and imported: {0}.</translation>
    </message>
    <message>
        <source>{0} conflit à arbitrer, ci-dessous.</source>
        <translation>{0} conflict to settle, below.</translation>
    </message>
    <message>
        <source>{0} conflits à arbitrer, ci-dessous.</source>
        <translation>{0} conflicts to settle, below.</translation>
    </message>
    <message>
        <source>{0} valeur modifiée aussi par la coordination : la sienne est gardée ici, la vôtre lui sera envoyée avec votre prochain fichier pour qu&apos;elle choisisse.</source>
        <translation>{0} value also changed by the coordinator: theirs is kept here, yours will go to them with your next file for them to choose.</translation>
    </message>
    <message>
        <source>{0} valeurs modifiées aussi par la coordination : les siennes sont gardées ici, les vôtres lui seront envoyées avec votre prochain fichier pour qu&apos;elle choisisse.</source>
        <translation>{0} values also changed by the coordinator: theirs are kept here, yours will go to them with your next file for them to choose.</translation>
    </message>
    <message>
        <source>{0} enregistrement d&apos;un foyer qui n&apos;est pas confié à cet ordinateur laissé de côté.</source>
        <translation>{0} record of a household not given to this computer left aside.</translation>
    </message>
    <message>
        <source>{0} enregistrements de foyers qui ne sont pas confiés à cet ordinateur laissés de côté.</source>
        <translation>{0} records of households not given to this computer left aside.</translation>
    </message>
    <message>
        <source>{0} foyer qui ne vous est plus confié retiré de cet ordinateur (la coordination le garde).</source>
        <translation>{0} household no longer given to you removed from this computer (the coordinator keeps it).</translation>
    </message>
    <message>
        <source>{0} foyers qui ne vous sont plus confiés retirés de cet ordinateur (la coordination les garde).</source>
        <translation>{0} households no longer given to you removed from this computer (the coordinator keeps them).</translation>
    </message>
    <message>
        <source>Cette personne a plusieurs ordinateurs inscrits : préparez le fichier depuis la ligne de commande (allervers sync out --volunteer).</source>
        <translation>This person has several computers enrolled: prepare the file from the command line (allervers sync out --volunteer).</translation>
    </message>
    <message>
        <source>Aucun ordinateur inscrit : il faut d&apos;abord inscrire celui de la personne (invitation, puis sa réponse d&apos;inscription).</source>
        <translation>No computer enrolled: first enrol the person&apos;s computer (invitation, then its enrolment reply).</translation>
    </message>
    <message>
        <source>Cette réponse d&apos;inscription vient d&apos;un compte inconnu de cet espace de travail : invitez d&apos;abord la personne depuis cet ordinateur.</source>
        <translation>This enrolment reply comes from an account this workspace does not know: first invite the person from this computer.</translation>
    </message>
    <message>
        <source>Utilisateur</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Foyer</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Visite</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Droits évalués</source>
        <translation>Rights assessed</translation>
    </message>
    <message>
        <source>Correction de visite</source>
        <translation>Visit correction</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Étape du suivi</source>
        <translation>Follow-up step</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Rue</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Numéro</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nom pour la recontacter</source>
        <translation>Name to contact them again</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Confié à</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>Créé par</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>Bénévole</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Date de la visite</source>
        <translation>Date of the visit</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Résultat à la porte</source>
        <translation>Outcome at the door</translation>
    </message>
    <message>
        <source>Réponses</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Terminée le</source>
        <translation>Finished on</translation>
    </message>
    <message>
        <source>Droit</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Évaluation en vigueur</source>
        <translation>Current assessment</translation>
    </message>
    <message>
        <source>Raison du non-recours</source>
        <translation>Reason for non-take-up</translation>
    </message>
    <message>
        <source>Précision sur le non-recours</source>
        <translation>Detail on non-take-up</translation>
    </message>
    <message>
        <source>Décision de la personne</source>
        <translation>The person&apos;s decision</translation>
    </message>
    <message>
        <source>Organisme</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Orienté le</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Contact à l&apos;organisme</source>
        <translation>Contact at the organisation</translation>
    </message>
    <message>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Demande déposée le</source>
        <translation>Claim filed on</translation>
    </message>
    <message>
        <source>Montant ouvert</source>
        <translation>Amount granted</translation>
    </message>
    <message>
        <source>Droit ouvert à partir du</source>
        <translation>Right granted from</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Vérification prévue le</source>
        <translation>Check due on</translation>
    </message>
    <message>
        <source>Vérifié le</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>Clos le</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Étape précédente</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>Nouvelle étape</source>
        <translation>New step</translation>
    </message>
    <message>
        <source>Réponse corrigée</source>
        <translation>Answer corrected</translation>
    </message>
    <message>
        <source>Ancienne valeur</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>Nouvelle valeur</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>(vide)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Foyer sans nom</source>
        <translation>Household without a name</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Réponses : {0}</source>
        <translation>Answers: {0}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>{0} : terminé.</source>
        <translation>{0}: done.</translation>
    </message>
    <message>
        <source>{0} : échec.</source>
        <translation>{0}: failed.</translation>
    </message>
    <message>
        <source>{0} : annulé.</source>
        <translation>{0}: cancelled.</translation>
    </message>
</context>
<context>
    <name>TeamBox</name>
    <message>
        <source>Ordinateurs de l&apos;équipe</source>
        <translation>The team&apos;s computers</translation>
    </message>
    <message>
        <source>Cet ordinateur :</source>
        <translation>This computer:</translation>
    </message>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Empreinte</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Empreintes à comparer de vive voix (en personne ou par téléphone) avec celles affichées sur l&apos;autre ordinateur : si elles diffèrent, n&apos;utilisez pas ses fichiers.</source>
        <translation>Fingerprints to compare by voice (in person or by phone) with those shown on the other computer: if they differ, do not use its files.</translation>
    </message>
    <message>
        <source>&amp;Inviter un ou une bénévole…</source>
        <translation>&amp;Invite a volunteer…</translation>
    </message>
    <message>
        <source>I&amp;nscrire un ordinateur…</source>
        <translation>E&amp;nrol a computer…</translation>
    </message>
    <message>
        <source>(compte inconnu)</source>
        <translation>(unknown account)</translation>
    </message>
    <message>
        <source>Aucun ordinateur de bénévole inscrit. Invitez la personne, puis inscrivez son ordinateur avec la réponse d&apos;inscription qu&apos;il aura écrite.</source>
        <translation>No volunteer&apos;s computer enrolled. Invite the person, then enrol their computer with the enrolment reply it writes.</translation>
    </message>
    <message>
        <source>Cet ordinateur n&apos;est inscrit dans aucune équipe : il a été créé sans invitation. Ses fichiers ne peuvent être préparés pour personne.</source>
        <translation>This computer is not enrolled in any team: it was set up without an invitation. Its files cannot be prepared for anyone.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Aller-Vers — déverrouiller</source>
        <translation>Aller-Vers — unlock</translation>
    </message>
    <message>
        <source>Espace de travail verrouillé</source>
        <translation>Workspace locked</translation>
    </message>
    <message>
        <source>Démonstration — phrase de passe : {0}</source>
        <translation>Demonstration — passphrase: {0}</translation>
    </message>
    <message>
        <source>Nom d&apos;utilisateur :</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Phrase de passe :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Phrase de passe oubliée ?</source>
        <translation>Forgotten passphrase?</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Déverrouillage…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>Ouverture de l&apos;espace de travail</source>
        <translation>Opening the workspace</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Utilisateurs</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ajouter un utilisateur…</source>
        <translation>Add a user…</translation>
    </message>
    <message>
        <source>actif</source>
        <translation>active</translation>
    </message>
    <message>
        <source>désactivé</source>
        <translation>deactivated</translation>
    </message>
</context>
<context>
    <name>VisitLists</name>
    <message>
        <source>adresse non notée</source>
        <translation>address not noted</translation>
    </message>
    <message>
        <source>{0}
repasser : convenu pour le {1}</source>
        <translation>{0}
come back: agreed for {1}</translation>
    </message>
    <message>
        <source>{0}
absent la dernière fois</source>
        <translation>{0}
absent last time</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Portes enregistrées.</source>
        <translation>Doors recorded.</translation>
    </message>
    <message>
        <source>repasser le {0}</source>
        <translation>come back on {0}</translation>
    </message>
    <message>
        <source>Porte enregistrée : {0} — {1}.</source>
        <translation>Door recorded: {0} — {1}.</translation>
    </message>
    <message>
        <source>Cette visite a été remplie avec un questionnaire inconnu ici ({0} v{1}).</source>
        <translation>This visit was filled with a questionnaire unknown here ({0} v{1}).</translation>
    </message>
    <message>
        <source>Entretien mis de côté : reprenez-le dans « Entretiens non terminés ».</source>
        <translation>Interview set aside: resume it from “Unfinished interviews”.</translation>
    </message>
    <message>
        <source>Entretien terminé et enregistré.</source>
        <translation>Interview finished and saved.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Perçu, à vérifier</source>
        <translation>Received, to check</translation>
    </message>
    <message>
        <source>Barème peut-être pas à jour pour : {0} (une revalorisation récente n&apos;est pas encore connue du logiciel ; le droit réel peut être un peu différent).</source>
        <translation>Scale possibly out of date for: {0} (a recent revaluation is not yet known to the software; the actual entitlement may differ slightly).</translation>
    </message>
    <message>
        <source>RSA (revenu de solidarité active)</source>
        <translation>RSA (revenu de solidarité active, minimum income)</translation>
    </message>
    <message>
        <source>Prime d&apos;activité</source>
        <translation>Prime d&apos;activité (in-work benefit)</translation>
    </message>
    <message>
        <source>Aide au logement (APL, ALF ou ALS)</source>
        <translation>Housing benefit (APL, ALF or ALS)</translation>
    </message>
    <message>
        <source>Chèque énergie</source>
        <translation>Energy voucher (chèque énergie)</translation>
    </message>
    <message>
        <source>Complémentaire santé solidaire</source>
        <translation>Complémentaire santé solidaire (supplementary health cover)</translation>
    </message>
    <message>
        <source>AAH (allocation aux adultes handicapés)</source>
        <translation>AAH (disabled adult allowance)</translation>
    </message>
    <message>
        <source>ASPA (minimum vieillesse)</source>
        <translation>ASPA (old-age minimum)</translation>
    </message>
    <message>
        <source>RSA</source>
        <translation>RSA</translation>
    </message>
    <message>
        <source>Aide au logement</source>
        <translation>Housing benefit</translation>
    </message>
    <message>
        <source>Complémentaire santé</source>
        <translation>Health cover</translation>
    </message>
    <message>
        <source>AAH</source>
        <translation>AAH</translation>
    </message>
    <message>
        <source>ASPA</source>
        <translation>ASPA</translation>
    </message>
    <message>
        <source>Droit probable non perçu</source>
        <translation>Probable right not received</translation>
    </message>
    <message>
        <source>Déjà perçu</source>
        <translation>Already received</translation>
    </message>
    <message>
        <source>Probablement pas de droit</source>
        <translation>Probably not entitled</translation>
    </message>
    <message>
        <source>Impossible à dire</source>
        <translation>Cannot tell</translation>
    </message>
    <message>
        <source>environ {0} par an (estimation)</source>
        <translation>about {0} per year (estimate)</translation>
    </message>
    <message>
        <source>environ {0} par mois (estimation)</source>
        <translation>about {0} per month (estimate)</translation>
    </message>
    <message>
        <source>CAF (caisse d&apos;allocations familiales)</source>
        <translation>CAF (family allowance office)</translation>
    </message>
    <message>
        <source>MSA (mutualité sociale agricole)</source>
        <translation>MSA (farm social security)</translation>
    </message>
    <message>
        <source>CPAM (assurance maladie)</source>
        <translation>CPAM (health insurance)</translation>
    </message>
    <message>
        <source>CARSAT (caisse de retraite)</source>
        <translation>CARSAT (pension fund)</translation>
    </message>
    <message>
        <source>MDPH (maison départementale des personnes handicapées)</source>
        <translation>MDPH (departmental office for disabled people)</translation>
    </message>
    <message>
        <source>Centre des finances publiques (impôts)</source>
        <translation>Public finances centre (tax office)</translation>
    </message>
    <message>
        <source>Service du chèque énergie (ASP)</source>
        <translation>Energy voucher service (ASP)</translation>
    </message>
    <message>
        <source>Pièce d&apos;identité</source>
        <translation>Identity document</translation>
    </message>
    <message>
        <source>Titre de séjour</source>
        <translation>Residence permit</translation>
    </message>
    <message>
        <source>RIB (relevé d&apos;identité bancaire)</source>
        <translation>RIB (bank account details)</translation>
    </message>
    <message>
        <source>Justificatifs de ressources des 3 derniers mois</source>
        <translation>Proofs of income for the last 3 months</translation>
    </message>
    <message>
        <source>Justificatifs de ressources des 12 derniers mois</source>
        <translation>Proofs of income for the last 12 months</translation>
    </message>
    <message>
        <source>Dernier avis d&apos;impôt sur le revenu</source>
        <translation>Latest income tax notice</translation>
    </message>
    <message>
        <source>Revenus de l&apos;an dernier (bulletins, attestations)</source>
        <translation>Last year&apos;s income (payslips, statements)</translation>
    </message>
    <message>
        <source>Bail ou contrat de location</source>
        <translation>Lease or tenancy agreement</translation>
    </message>
    <message>
        <source>Quittance de loyer récente</source>
        <translation>Recent rent receipt</translation>
    </message>
    <message>
        <source>Livret de famille</source>
        <translation>Family record book</translation>
    </message>
    <message>
        <source>Carte Vitale ou attestation de droits</source>
        <translation>Carte Vitale or health insurance certificate</translation>
    </message>
    <message>
        <source>Certificat médical (formulaire MDPH)</source>
        <translation>Medical certificate (MDPH form)</translation>
    </message>
    <message>
        <source>Relevés de pensions de retraite</source>
        <translation>Pension statements</translation>
    </message>
    <message>
        <source>Dernière facture d&apos;énergie</source>
        <translation>Latest energy bill</translation>
    </message>
    <message>
        <source>Ne connaissait pas ce droit</source>
        <translation>Did not know about this right</translation>
    </message>
    <message>
        <source>Le connaît mais ne l&apos;a pas demandé</source>
        <translation>Knows it but has not claimed it</translation>
    </message>
    <message>
        <source>L&apos;a demandé mais ne l&apos;a pas reçu</source>
        <translation>Claimed it but did not receive it</translation>
    </message>
    <message>
        <source>Personne ne le lui a proposé</source>
        <translation>Nobody offered it</translation>
    </message>
    <message>
        <source>Démarches trop compliquées</source>
        <translation>Procedures too complicated</translation>
    </message>
    <message>
        <source>Peur du regard des autres</source>
        <translation>Fear of what others think</translation>
    </message>
    <message>
        <source>Peur de devoir rembourser (indu)</source>
        <translation>Fear of having to pay back (overpayment)</translation>
    </message>
    <message>
        <source>Refus par principe</source>
        <translation>Refuses on principle</translation>
    </message>
    <message>
        <source>Démarches en ligne impossibles</source>
        <translation>Cannot do online procedures</translation>
    </message>
    <message>
        <source>Trop loin, pas de moyen de transport</source>
        <translation>Too far, no means of transport</translation>
    </message>
    <message>
        <source>Autre raison</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Souhaite être accompagné·e</source>
        <translation>Wants help</translation>
    </message>
    <message>
        <source>Fera la démarche seul·e</source>
        <translation>Will do it alone</translation>
    </message>
    <message>
        <source>Pas intéressé·e</source>
        <translation>Not interested</translation>
    </message>
    <message>
        <source>Portes du territoire</source>
        <translation>Doors of the territory</translation>
    </message>
    <message>
        <source>Portes frappées au moins une fois</source>
        <translation>Doors knocked at least once</translation>
    </message>
    <message>
        <source>Couverture du territoire</source>
        <translation>Coverage of the territory</translation>
    </message>
    <message>
        <source>Portes ouvertes</source>
        <translation>Doors opened</translation>
    </message>
    <message>
        <source>Taux d&apos;ouverture</source>
        <translation>Open-door rate</translation>
    </message>
    <message>
        <source>Foyers rencontrés aux portes</source>
        <translation>Households met at the doors</translation>
    </message>
    <message>
        <source>adresse et horaires de votre CAF sur caf.fr (« Contacter ma Caf ») ou au 32 30</source>
        <translation>address and hours of your CAF on caf.fr (“Contacter ma Caf”) or on 32 30</translation>
    </message>
    <message>
        <source>adresse et horaires de votre MSA sur msa.fr, rubrique « Contact »</source>
        <translation>address and hours of your MSA on msa.fr, “Contact” section</translation>
    </message>
    <message>
        <source>accueil de votre CPAM sur ameli.fr ou au 36 46</source>
        <translation>your CPAM office on ameli.fr or on 36 46</translation>
    </message>
    <message>
        <source>votre caisse de retraite sur lassuranceretraite.fr ou au 39 60</source>
        <translation>your pension fund on lassuranceretraite.fr or on 39 60</translation>
    </message>
    <message>
        <source>la MDPH de votre département sur monparcourshandicap.gouv.fr</source>
        <translation>your département&apos;s MDPH on monparcourshandicap.gouv.fr</translation>
    </message>
    <message>
        <source>votre centre des finances publiques sur impots.gouv.fr ou au 0 809 401 401</source>
        <translation>your tax office on impots.gouv.fr or on 0 809 401 401</translation>
    </message>
    <message>
        <source>chequeenergie.gouv.fr ou le 0 805 204 805 (appel gratuit)</source>
        <translation>chequeenergie.gouv.fr or 0 805 204 805 (free call)</translation>
    </message>
    <message>
        <source>janvier février mars avril mai juin juillet août septembre octobre novembre décembre</source>
        <translation>January February March April May June July August September October November December</translation>
    </message>
    <message>
        <source> (moyenne de {first_month} à {last_month})</source>
        <translation> (average from {first_month} to {last_month})</translation>
    </message>
    <message>
        <source>logement occupé gratuitement</source>
        <translation>housed free of charge</translation>
    </message>
    <message>
        <source>propriétaire sans aide au logement</source>
        <translation>owner without housing benefit</translation>
    </message>
    <message>
        <source>l&apos;aide au logement estimée ({housing_aid} € par mois) est supposée versée</source>
        <translation>the estimated housing benefit ({housing_aid} € a month) is assumed paid</translation>
    </message>
    <message>
        <source>aide au logement perçue</source>
        <translation>housing benefit received</translation>
    </message>
    <message>
        <source>avantage en nature de logement</source>
        <translation>housing provided in kind</translation>
    </message>
    <message>
        <source>Voir le détail auprès de l&apos;organisme.</source>
        <translation>See the details with the paying office.</translation>
    </message>
    <message>
        <source>Pas d&apos;entretien à cette porte.</source>
        <translation>No interview at this door.</translation>
    </message>
    <message>
        <source>Ressources de {resources} € par mois</source>
        <translation>Resources of {resources} € a month</translation>
    </message>
    <message>
        <source>, sous le plafond de {ceiling} €.</source>
        <translation>, under the ceiling of {ceiling} €.</translation>
    </message>
    <message>
        <source>, au-dessus du plafond de {ceiling} €.</source>
        <translation>, above the ceiling of {ceiling} €.</translation>
    </message>
    <message>
        <source>Ressources de {resources} € par mois, trop élevées.</source>
        <translation>Resources of {resources} € a month, too high.</translation>
    </message>
    <message>
        <source>Foyer de {persons} personne(s).</source>
        <translation>Household of {persons} person(s).</translation>
    </message>
    <message>
        <source>Forfait logement déduit : {amount} € par mois.</source>
        <translation>Housing allowance deducted: {amount} € a month.</translation>
    </message>
    <message>
        <source>Forfait logement de {amount} € par mois déduit : </source>
        <translation>Housing allowance of {amount} € a month deducted: </translation>
    </message>
    <message>
        <source>Forfait logement de {amount} € par mois déduit (</source>
        <translation>Housing allowance of {amount} € a month deducted (</translation>
    </message>
    <message>
        <source>) : sans lui, le montant serait d&apos;environ {without} € par mois.</source>
        <translation>): without it, the amount would be about {without} € a month.</translation>
    </message>
    <message>
        <source>Montant calculé d&apos;environ {amount} € par mois, sous le minimum versé de {minimum} €.</source>
        <translation>Computed amount of about {amount} € a month, under the minimum paid of {minimum} €.</translation>
    </message>
    <message>
        <source>Moins de {minimum} ans ({age} ans).</source>
        <translation>Under {minimum} years old ({age}).</translation>
    </message>
    <message>
        <source>Plus de {maximum} ans ({age} ans) avec un taux d&apos;incapacité inférieur à 80 % : c&apos;est l&apos;ASPA qui prend le relais.</source>
        <translation>Over {maximum} years old ({age}) with an incapacity rate under 80 %: the ASPA takes over.</translation>
    </message>
    <message>
        <source>Études en cours.</source>
        <translation>Currently studying.</translation>
    </message>
    <message>
        <source>Études ou apprentissage : il faut plus de {floor} € de revenus d&apos;activité chaque mois ; {income} € le mois le plus bas.</source>
        <translation>Studies or apprenticeship: more than {floor} € of earnings are needed each month; {income} € in the lowest month.</translation>
    </message>
    <message>
        <source>Séjour régulier de {years} an(s) ; {minimum} ans demandés.</source>
        <translation>Legal residence of {years} year(s); {minimum} years required.</translation>
    </message>
    <message>
        <source>Activité indépendante : conditions de chiffre d&apos;affaires à vérifier.</source>
        <translation>Self-employment: turnover conditions to check.</translation>
    </message>
    <message>
        <source>Conditions d&apos;accès non remplies d&apos;après les réponses.</source>
        <translation>Conditions not met according to the answers.</translation>
    </message>
    <message>
        <source>Revenus d&apos;activité de {income} € par mois</source>
        <translation>Earnings of {income} € a month</translation>
    </message>
    <message>
        <source>Pas de revenus d&apos;activité</source>
        <translation>No earnings</translation>
    </message>
    <message>
        <source>Ressources de {resources} € par mois, dont {income} € de revenus d&apos;activité</source>
        <translation>Resources of {resources} € a month, of which {income} € of earnings</translation>
    </message>
    <message>
        <source> : la prime calculée est nulle.</source>
        <translation>: the computed bonus is nil.</translation>
    </message>
    <message>
        <source>Loyer de {rent} € par mois (plafond pris en compte : {ceiling} €).</source>
        <translation>Rent of {rent} € a month (ceiling taken into account: {ceiling} €).</translation>
    </message>
    <message>
        <source>Commune en zone {zone} pour les aides au logement.</source>
        <translation>Municipality in zone {zone} for housing benefits.</translation>
    </message>
    <message>
        <source>Pas locataire.</source>
        <translation>Not a tenant.</translation>
    </message>
    <message>
        <source>Propriétaire avec prêt : à vérifier selon le prêt.</source>
        <translation>Owner with a loan: to check depending on the loan.</translation>
    </message>
    <message>
        <source>Commune inconnue ({insee}).</source>
        <translation>Unknown municipality ({insee}).</translation>
    </message>
    <message>
        <source>Ressources sur 12 mois : {resources} €, au-dessus du plafond de {ceiling} € pour {persons} personne(s).</source>
        <translation>Resources over 12 months: {resources} €, above the ceiling of {ceiling} € for {persons} person(s).</translation>
    </message>
    <message>
        <source>Ressources sur 12 mois : {resources} €, sous le plafond de {ceiling} € pour {persons} personne(s).</source>
        <translation>Resources over 12 months: {resources} €, under the ceiling of {ceiling} € for {persons} person(s).</translation>
    </message>
    <message>
        <source>Ressources sur 12 mois : {resources} € (plafond {ceiling} €).</source>
        <translation>Resources over 12 months: {resources} € (ceiling {ceiling} €).</translation>
    </message>
    <message>
        <source>Ressources sur 12 mois : {resources} €.</source>
        <translation>Resources over 12 months: {resources} €.</translation>
    </message>
    <message>
        <source>Avec ces ressources, la participation personnelle ({participation} € par mois) dépasse le loyer et les charges retenus ({rent} €).</source>
        <translation>With these resources, the personal contribution ({participation} € a month) exceeds the rent and charges taken into account ({rent} €).</translation>
    </message>
    <message>
        <source>Aide calculée de {amount} € par mois, ramenée à zéro par les abattements (loyer élevé, minoration de 5 €, réduction de loyer de solidarité).</source>
        <translation>Computed aid of {amount} € a month, brought to zero by the reductions (high rent, 5 € reduction, solidarity rent reduction).</translation>
    </message>
    <message>
        <source>Ressources sous le plafond de la complémentaire gratuite ({ceiling} € par an).</source>
        <translation>Resources under the ceiling of the free cover ({ceiling} € a year).</translation>
    </message>
    <message>
        <source>Complémentaire avec participation d&apos;environ {participation} € par mois.</source>
        <translation>Cover with a contribution of about {participation} € a month.</translation>
    </message>
    <message>
        <source>Le RSA donne droit à la complémentaire gratuite.</source>
        <translation>The RSA gives free cover.</translation>
    </message>
    <message>
        <source>Revenu fiscal estimé à {rfr} € d&apos;après les revenus déclarés.</source>
        <translation>Reference tax income estimated at {rfr} € from the declared income.</translation>
    </message>
    <message>
        <source>Pas de déclaration de revenus : le chèque énergie n&apos;est envoyé qu&apos;après une déclaration.</source>
        <translation>No income tax return: the energy cheque is only sent after a return.</translation>
    </message>
    <message>
        <source>Pas de logement à son nom.</source>
        <translation>No home in their name.</translation>
    </message>
    <message>
        <source>Taux d&apos;incapacité de {rate} %.</source>
        <translation>Incapacity rate of {rate} %.</translation>
    </message>
    <message>
        <source>Taux d&apos;incapacité supposé de {rate} %.</source>
        <translation>Assumed incapacity rate of {rate} %.</translation>
    </message>
    <message>
        <source>Taux d&apos;incapacité de {rate} %, sous le minimum de {minimum} %.</source>
        <translation>Incapacity rate of {rate} %, under the minimum of {minimum} %.</translation>
    </message>
    <message>
        <source>Taux de {rate} % : la MDPH doit aussi reconnaître une restriction durable d&apos;accès à l&apos;emploi (supposée ici).</source>
        <translation>Rate of {rate} %: the MDPH must also recognise a lasting restriction to employment (assumed here).</translation>
    </message>
    <message>
        <source>Pas de handicap déclaré.</source>
        <translation>No disability declared.</translation>
    </message>
    <message>
        <source>{age} ans (minimum {minimum} ans).</source>
        <translation>{age} years old (minimum {minimum}).</translation>
    </message>
    <message>
        <source>Régime de protection sociale inconnu.</source>
        <translation>Social security scheme unknown.</translation>
    </message>
    <message>
        <source>Régime agricole : s&apos;adresser à la MSA.</source>
        <translation>Farm scheme: go to the MSA.</translation>
    </message>
    <message>
        <source>Le foyer ne sait pas s&apos;il perçoit déjà ce droit.</source>
        <translation>The household does not know whether it already receives this right.</translation>
    </message>
    <message>
        <source>Le foyer dit le percevoir, mais d&apos;après ses ressources il serait nul</source>
        <translation>The household says it receives it, but from its resources it would be nil</translation>
    </message>
    <message>
        <source>Le foyer dit le percevoir, mais d&apos;après sa situation il n&apos;y aurait pas droit</source>
        <translation>The household says it receives it, but from its situation it would not be entitled</translation>
    </message>
    <message>
        <source> : un changement de ressources ou de foyer peut l&apos;avoir réduit ou arrêté. À vérifier avec l&apos;organisme, pour éviter un trop-perçu à rembourser.</source>
        <translation>: a change of resources or household may have reduced or stopped it. To check with the office, to avoid an overpayment to repay.</translation>
    </message>
    <message>
        <source>Revenus d&apos;indépendant estimés grossièrement.</source>
        <translation>Self-employed income roughly estimated.</translation>
    </message>
    <message>
        <source>Barème en vigueur depuis le {parameter_date} (plus récent non connu).</source>
        <translation>Scale in force since {parameter_date} (no newer one known).</translation>
    </message>
    <message>
        <source>Montant peut-être pas à jour : barème du {parameter_date}, revalorisation du {revaluation_date} non connue.</source>
        <translation>Amount possibly out of date: scale of {parameter_date}, revaluation of {revaluation_date} not known.</translation>
    </message>
    <message>
        <source>Montant peut-être pas à jour : revalorisation du {revaluation_date} non connue.</source>
        <translation>Amount possibly out of date: revaluation of {revaluation_date} not known.</translation>
    </message>
    <message>
        <source>Les autres adultes du logement ({persons}) ne sont pas évalués.</source>
        <translation>The other adults of the home ({persons}) are not assessed.</translation>
    </message>
    <message>
        <source>Revenu fiscal de {rfr} € pour {units} unités de consommation</source>
        <translation>Reference tax income of {rfr} € for {units} consumption units</translation>
    </message>
    <message>
        <source>Revenu fiscal de {rfr} € pour {units} unité de consommation</source>
        <translation>Reference tax income of {rfr} € for {units} consumption unit</translation>
    </message>
    <message>
        <source>, soit {rfr_per_unit} € par unité, sous le plafond de {ceiling} € par unité.</source>
        <translation>, that is {rfr_per_unit} € per unit, under the ceiling of {ceiling} € per unit.</translation>
    </message>
    <message>
        <source>, soit {rfr_per_unit} € par unité, au moins égal au plafond de {ceiling} € par unité.</source>
        <translation>, that is {rfr_per_unit} € per unit, at or above the ceiling of {ceiling} € per unit.</translation>
    </message>
    <message>
        <source>Pension ou allocation chômage exonérée de CSG</source>
        <translation>Pension or unemployment benefit exempt from CSG</translation>
    </message>
    <message>
        <source>CSG au taux réduit sur la pension ou l&apos;allocation chômage</source>
        <translation>CSG at the reduced rate on the pension or unemployment benefit</translation>
    </message>
    <message>
        <source>CSG au taux médian sur la pension</source>
        <translation>CSG at the median rate on the pension</translation>
    </message>
    <message>
        <source>CSG au taux normal sur la pension ou l&apos;allocation chômage</source>
        <translation>CSG at the normal rate on the pension or unemployment benefit</translation>
    </message>
    <message>
        <source> (revenu fiscal de {rfr} € pour {shares} part(s)).</source>
        <translation> (reference tax income of {rfr} € for {shares} share(s)).</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Carte</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Tournées</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Chiffres</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>Équipe et
synchronisation</source>
        <translation>Team and
synchronisation</translation>
    </message>
    <message>
        <source>Suivi des dossiers</source>
        <translation>Case follow-up</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
</TS>
