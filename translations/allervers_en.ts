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
    <name>IdentityPage</name>
    <message>
        <source>Bienvenue dans Aller-Vers</source>
        <translation>Welcome to Aller-Vers</translation>
    </message>
    <message>
        <source>Cet ordinateur n&apos;a pas encore d&apos;espace de travail : créons-le ensemble.</source>
        <translation>This computer has no workspace yet: let us create it together.</translation>
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
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
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
    <name>Messages</name>
    <message>
        <source>Nom d&apos;utilisateur ou phrase de passe incorrect.</source>
        <translation>Wrong user name or passphrase.</translation>
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
        <source>{0}, ligne {1} : {2}. Rien n&apos;a été importé.</source>
        <translation>{0}, line {1}: {2}. Nothing was imported.</translation>
    </message>
    <message>
        <source>Cet enregistrement n&apos;existe pas ou plus.</source>
        <translation>This record does not exist, or no longer exists.</translation>
    </message>
    <message>
        <source>L&apos;espace de travail est verrouillé.</source>
        <translation>The workspace is locked.</translation>
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
        <source>« Aucun » ou « Ne sait pas » doit rester seul</source>
        <translation>“None” or “Does not know” must be the only choice</translation>
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
        <source>date impossible (AAAA-MM-JJ)</source>
        <translation>invalid date (YYYY-MM-DD)</translation>
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
        <source>Création de l&apos;espace de travail…</source>
        <translation>Creating the workspace…</translation>
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
    <name>WorkspaceView</name>
    <message>
        <source>Cet écran n&apos;est pas encore construit.</source>
        <translation>This screen is not built yet.</translation>
    </message>
    <message>
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Ici, vous enregistrerez chaque visite à domicile : le questionnaire guidé sur la situation du foyer, puis les droits probablement non demandés, avec un montant estimé et les raisons de l&apos;estimation.</source>
        <translation>Here you will record each home visit: the guided questionnaire on the household’s situation, then the rights probably not claimed, with an estimated amount and the reasons for the estimate.</translation>
    </message>
    <message>
        <source>Suivi des dossiers</source>
        <translation>Case follow-up</translation>
    </message>
    <message>
        <source>Ici, vous suivrez les foyers à recontacter : démarches engagées, relances prévues, orientations vers les services et leurs résultats.</source>
        <translation>Here you will follow the households to contact again: applications under way, planned reminders, referrals to services and their outcomes.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Ici, vous préparerez l&apos;export pour l&apos;évaluation : des indicateurs agrégés et, si vous le choisissez, des données pseudonymisées avec leur rapport de risque, le tout signé. Aucun nom ni adresse n&apos;en sortira.</source>
        <translation>Here you will prepare the export for the evaluation: aggregated indicators and, if you choose, pseudonymised data with its risk report, all signed. No name or address will leave the computer.</translation>
    </message>
</context>
</TS>
