<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
    <context>
        <name>GpfBascule</name>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>réponse du cache local de QGIS, pas de la Géoplateforme</source>
            <translation>answer from QGIS's local cache, not from the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Mise à jour du catalogue de la Géoplateforme</source>
            <translation>Updating the Géoplateforme catalog</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>mise à jour annulée</source>
            <translation>update canceled</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>aucun service de la Géoplateforme n'a répondu : {}</source>
            <translation>no Géoplateforme service answered: {}</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Catalogue de la Géoplateforme mis à jour : {} couches.</source>
            <translation>Géoplateforme catalog updated: {} layers.</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Services non mis à jour : {}</source>
            <translation>Services not updated: {}</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>mise à jour interrompue</source>
            <translation>update interrupted</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Mise à jour du catalogue annulée.</source>
            <translation>Catalog update canceled.</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Catalogue non mis à jour, le dernier catalogue valide reste en service : {}</source>
            <translation>Catalog not updated, the last valid catalog stays in use: {}</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Catalogue de la Géoplateforme non mis à jour (hors ligne ?) : le dernier catalogue reste utilisé.</source>
            <translation>Géoplateforme catalog not updated (offline?): the last catalog stays in use.</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>GPF Bascule</source>
            <translation>GPF Bascule</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Donnez l'adresse des projets enregistrés (geopackage:… ou postgresql://…).</source>
            <translation>Give the address of the stored projects (geopackage:… or postgresql://…).</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Adresse de projets enregistrés attendue (geopackage:/chemin/fichier.gpkg ou postgresql://…?dbname=…&amp;schema=…) : pour des fichiers, utilisez « Basculer des projets QGIS ».</source>
            <translation>An address of stored projects is expected (geopackage:/path/file.gpkg or postgresql://…?dbname=…&amp;schema=…): for files, use “Migrate QGIS Projects (File or Folder)”.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Pas de mot de passe dans l'adresse : il y resterait en clair (historique de Processing, champs mémorisés). Donnez-le par un fichier de service (service=…), le fichier .pgpass ou la variable PGPASSWORD.</source>
            <translation>No password in the address: it would stay there in clear text (Processing history, remembered fields). Give it through a service file (service=…), the .pgpass file or the PGPASSWORD variable.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>GPF Bascule : bascule d'un dossier de projets</source>
            <translation>GPF Bascule: migrate a folder of projects</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>rapport impossible à écrire ({})</source>
            <translation>Cannot write the report ({})</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Bascule du dossier impossible : {}</source>
            <translation>Cannot migrate the folder: {}</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>{total} fichier(s) traité(s) : {migrated} modifié(s), {unchanged} inchangé(s), {error} en erreur.</source>
            <translation>{total} file(s) processed: {migrated} changed, {unchanged} unchanged, {error} with errors.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à corriger à la main (voir le rapport).</source>
            <translation>Old addresses outside data sources: {rewritten} rewritten, {to_fix} to fix by hand (see the report).</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Bascule annulée entre deux fichiers.</source>
            <translation>Migration canceled between two files.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Simulation : rien n'a été modifié dans la base.</source>
            <translation>Dry run: nothing was changed in the database.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Simulation : aucun fichier écrit.</source>
            <translation>Dry run: no file written.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Rapport : {}</source>
            <translation>Report: {}</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection impossible : {error}</source>
            <translation>redirect failed: {error}</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : {count} fichier(s) à côté du projet, lus par QGIS lui-même</source>
            <translation>redirect on open: {count} file(s) beside the project, read by QGIS itself</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : projet trop gros pour être réécrit en mémoire, ouvert tel quel</source>
            <translation>redirect on open: project too large to rewrite in memory, opened as it is</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : projet laissé à QGIS ({error})</source>
            <translation>redirect on open: project left to QGIS ({error})</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : gestionnaire d'ouverture de projet installé</source>
            <translation>redirect on open: project open handler installed</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : gestionnaire d'ouverture de projet retiré</source>
            <translation>redirect on open: project open handler removed</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : {count} couche(s) redirigée(s), identifiants : {ids}</source>
            <translation>redirect on open: {count} layer(s) redirected, ids: {ids}</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>{count} couche(s) Géoportail redirigée(s) vers la Géoplateforme à l'ouverture.</source>
            <translation>{count} Géoportail layer(s) redirected to the Géoplateforme on opening.</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>{count} demande(nt) une clé cartes.gouv.fr.</source>
            <translation>{count} need(s) a cartes.gouv.fr key.</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Votre clé cartes.gouv.fr enregistrée est utilisée.</source>
            <translation>Your stored cartes.gouv.fr key is used.</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Enregistrer</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Voir le détail</source>
            <translation>Show Details</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Saisir ma clé…</source>
            <translation>Enter My Key…</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Couches redirigées à l'ouverture</source>
            <translation>Layers Redirected on Opening</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Clé cartes.gouv.fr invalide : lettres, chiffres, tirets et points seulement.</source>
            <translation>Invalid cartes.gouv.fr key: letters, digits, hyphens and dots only.</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Base d'authentification de QGIS verrouillée : mot de passe principal requis.</source>
            <translation>QGIS authentication database locked: master password required.</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>La clé n'a pas pu être enregistrée dans la base d'authentification de QGIS.</source>
            <translation>The key could not be saved in the QGIS authentication database.</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : enregistrée dans la base d'authentification de QGIS</source>
            <translation>cartes.gouv.fr key: stored in the QGIS authentication database</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : oubliée</source>
            <translation>cartes.gouv.fr key: forgotten</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : lue dans la base d'authentification de QGIS</source>
            <translation>cartes.gouv.fr key: read from the QGIS authentication database</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : aucune dans la base d'authentification de QGIS</source>
            <translation>cartes.gouv.fr key: none in the QGIS authentication database</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : pré-traitement des requêtes installé</source>
            <translation>cartes.gouv.fr key: request pre-processor installed</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : pré-traitement des requêtes retiré</source>
            <translation>cartes.gouv.fr key: request pre-processor removed</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : aucune enregistrée (ou base d'authentification restée verrouillée), aucune couche rechargée</source>
            <translation>cartes.gouv.fr key: none stored (or the authentication database stayed locked), no layer reloaded</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Clé cartes.gouv.fr appliquée à {count} couche(s).</source>
            <translation>cartes.gouv.fr key applied to {count} layer(s).</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : couches rechargées avec elle : {ids}</source>
            <translation>cartes.gouv.fr key: layers reloaded with it: {ids}</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>aucune</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Clé cartes.gouv.fr enregistrée dans la base d'authentification de QGIS et appliquée à {count} couche(s).</source>
            <translation>cartes.gouv.fr key saved in the QGIS authentication database and applied to {count} layer(s).</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>expressions de la couche (étiquettes, règles, styles, champs calculés) : le champ géométrique the_geom s'appelle geom sur la Géoplateforme, expressions adaptées</source>
            <translation>layer expressions (labels, rules, styles, virtual fields): the geometry field the_geom is named geom on the Géoplateforme, expressions updated</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>{layer} : style non réappliqué ({error})</source>
            <translation>{layer}: style not reapplied ({error})</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>bascule interrompue : {done} couche(s) basculée(s) sur {total}</source>
            <translation>switch stopped: {done} of {total} layer(s) switched</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>bascule annulée : {count} couche(s) remise(s) sur leur ancienne source</source>
            <translation>migration undone: {count} layer(s) restored to their previous source</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>{layer} : couche d'origine remise à la place de ses {count} sous-couches</source>
            <translation>{layer}: original layer put back in place of its {count} sublayers</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>{layer} : séparée en {count} couches, une par sous-couche (au plus deux couches par requête sur la Géoplateforme)</source>
            <translation>{layer}: split into {count} layers, one per sublayer (at most two layers per request on the Géoplateforme)</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>sauvegarde de {file} impossible avant l'enregistrement : {error}</source>
            <translation>cannot back up {file} before saving: {error}</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>sauvegarde avant bascule : {path}</source>
            <translation>backup before migration: {path}</translation>
        </message>
        <message>
            <location filename="../../bascule/qgis_compat.py" />
            <source>{count} couche(s) que QGIS n'a pas pu lire (authcfg) relue(s) sans lui</source>
            <translation>{count} layer(s) QGIS could not read (authcfg) read again without it</translation>
        </message>
        <message>
            <location filename="../../bascule/refresh_retry.py" />
            <source>catalogue : nouvel essai de mise à jour dans {minutes} min (échec n° {failures})</source>
            <translation>catalogue: next update try in {minutes} min (failure no. {failures})</translation>
        </message>
        <message>
            <location filename="../../bascule/refresh_retry.py" />
            <source>catalogue : tâche de mise à jour déjà terminée</source>
            <translation>catalogue: update task already finished</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>liste des services de l'IGN (lignes WMS absentes du WMS raster) : aucune capacité WMS vecteur lue, titre et emprise inconnus</source>
            <translation>IGN's services list (WMS rows missing from WMS raster): no WMS vector capabilities read, title and extent unknown</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>catalogue GPF de l'IGN (2025) : aucune capacité WMS vecteur lue, titre repris de ce catalogue, emprise inconnue</source>
            <translation>IGN's GPF catalogue (2025): no WMS vector capabilities read, title taken from that catalogue, extent unknown</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>couche sous licence : clé personnelle cartes.gouv.fr nécessaire (data.geopf.fr/private)</source>
            <translation>licensed layer: a personal cartes.gouv.fr key is needed (data.geopf.fr/private)</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>TileMap non lu : niveaux {low}–{high} supposés</source>
            <translation>TileMap not read: levels {low}–{high} assumed</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>document vide</source>
            <translation>empty document</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>page HTML ou XML au lieu du fichier CSV</source>
            <translation>HTML or XML page instead of the CSV file</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>en-tête CSV inattendu : {header}</source>
            <translation>unexpected CSV header: {header}</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>XML illisible ou tronqué ({error})</source>
            <translation>unreadable or truncated XML ({error})</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>le service a répondu par une exception : {text}</source>
            <translation>the service answered with an exception: {text}</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>page HTML au lieu du document attendu (proxy ?)</source>
            <translation>HTML page instead of the expected document (proxy?)</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>document inattendu : &lt;{root}&gt;</source>
            <translation>unexpected document: &lt;{root}&gt;</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Limites administratives</source>
            <translation>Administrative boundaries</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Adresses</source>
            <translation>Addresses</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Agriculture</source>
            <translation>Agriculture</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Altimétrie et relief</source>
            <translation>Elevation and relief</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>BD France Topo (bêta)</source>
            <translation>BD France Topo (beta)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Cartes</source>
            <translation>Maps</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>BD CARTO (cartographie vectorielle)</source>
            <translation>BD CARTO (vector mapping)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Corine Land Cover</source>
            <translation>Corine Land Cover</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Économie</source>
            <translation>Economy</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Énergie (renouvelables, besoins, réseaux)</source>
            <translation>Energy (renewables, needs, networks)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Environnement</source>
            <translation>Environment</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Forêt</source>
            <translation>Forest</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Géodésie</source>
            <translation>Geodesy</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Eau et hydrographie</source>
            <translation>Water and hydrography</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Mer et littoral</source>
            <translation>Sea and coast</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Occupation du sol (OCS GE)</source>
            <translation>Land cover (OCS GE)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>OCS GE nouvelle génération</source>
            <translation>OCS GE new generation</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Orthophotos</source>
            <translation>Orthophotos</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Orthophotos historiques</source>
            <translation>Historical orthophotos</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Parcellaire et cadastre</source>
            <translation>Land parcels and cadastre</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Patrimoine et culture</source>
            <translation>Heritage and culture</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Risques</source>
            <translation>Risks</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Images satellite</source>
            <translation>Satellite images</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Société, santé et statistiques</source>
            <translation>Society, health and statistics</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Sol</source>
            <translation>Soil</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Topographie</source>
            <translation>Topography</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Transports</source>
            <translation>Transport</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Urbanisme et servitudes</source>
            <translation>Town planning and easements</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Données mondiales</source>
            <translation>World data</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Clé d'accès historique : {key}</source>
            <translation>Former access key: {key}</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Autres</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>lien symbolique en boucle : ignoré</source>
            <translation>symbolic link loop: skipped</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>pas un fichier ordinaire (tube, périphérique…) : ignoré</source>
            <translation>not a regular file (pipe, device…): skipped</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>le dossier de sortie est dans ce dossier d'entrée : prenez-en un autre</source>
            <translation>the output folder is inside this input folder: choose another one</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>ni fichier ordinaire ni dossier (ou lien cassé)</source>
            <translation>neither a regular file nor a folder (or a broken link)</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>fichier ou dossier introuvable</source>
            <translation>file or folder not found</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>la sortie écraserait un fichier d'entrée : prenez un autre dossier</source>
            <translation>the output would overwrite an input file: choose another folder</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>même fichier de sortie que {other}</source>
            <translation>same output file as {other}</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>lecture impossible ({detail})</source>
            <translation>cannot read ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>modifié pendant la bascule (enregistré par un autre programme ?) : laissé tel quel, relancez la bascule</source>
            <translation>changed during the migration (saved by another program?): left as it is, run the migration again</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>sauvegarde impossible, fichier laissé intact ({detail})</source>
            <translation>cannot write the backup, file left untouched ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>écriture impossible, fichier laissé intact ({detail})</source>
            <translation>cannot write, file left untouched ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>écriture impossible dans {folder} ({detail})</source>
            <translation>cannot write in {folder} ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>un projet enregistré en base se bascule sur place (--in-place), la sauvegarde allant dans la table {table} : relancez avec --in-place</source>
            <translation>a project stored in a database is migrated in place (--in-place), its backup going to the table {table}: run again with --in-place</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>donnée locale {path} hors du dossier de sortie : non copiée, la couche sera à relier</source>
            <translation>local data {path} lies outside the output folder: not copied, the layer will need relinking</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>donnée locale {path} non copiée ({detail})</source>
            <translation>local data {path} not copied ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>erreur inattendue ({error})</source>
            <translation>unexpected error ({error})</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>action de couche</source>
            <translation>layer action</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>expression</source>
            <translation>expression</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>infobulle</source>
            <translation>map tip</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>mise en page</source>
            <translation>print layout</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>variable</source>
            <translation>variable</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>couche ou groupe intégré</source>
            <translation>embedded layer or group</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>autre propriété</source>
            <translation>other property</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>réécrite</source>
            <translation>rewritten</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>à corriger à la main</source>
            <translation>to fix by hand</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>adresse construite par morceaux ou sans service reconnu : à corriger à la main</source>
            <translation>address built from pieces or without a known service: to fix by hand</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>nom d'hôte de l'ancien Géoportail hors d'une adresse complète : à corriger à la main</source>
            <translation>old Géoportail host name outside a complete address: to fix by hand</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>valeur mêlée à des éléments XML : à corriger à la main</source>
            <translation>value mixed with XML elements: to fix by hand</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>ancienne adresse hors des sources de données : à vérifier</source>
            <translation>old address outside data sources: to check</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>commentaire XML : à corriger à la main si besoin</source>
            <translation>XML comment: to fix by hand if needed</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>le code ou l'expression emploie encore the_geom hors de l'adresse réécrite : le champ géométrique s'appelle geom sur la Géoplateforme</source>
            <translation>the code or expression still uses the_geom outside the rewritten address: the geometry field is called geom on the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>identifiants de l'ancienne adresse retirés : inutiles et invalides sur la Géoplateforme</source>
            <translation>credentials of the old address removed: useless and invalid on the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>adresse qui contient une expression QGIS [% … %] que la réécriture changerait : à corriger à la main</source>
            <translation>address holding a QGIS expression [% … %] that the rewrite would change: to fix by hand</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>{first} ; {second}</source>
            <translation>{first}; {second}</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>{count} occurrence(s) d'une ancienne adresse non localisée(s) dans le document : à vérifier</source>
            <translation>{count} occurrence(s) of an old address not located in the document: to check</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>WMS raster</source>
            <translation>Raster WMS</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>WMS vecteur</source>
            <translation>Vector WMS</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>TMS (tuiles vectorielles)</source>
            <translation>TMS (vector tiles)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>ressources de tuiles vectorielles</source>
            <translation>vector tile resources</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>couche sous licence (non libre) : elle est servie par data.geopf.fr/private et demande une clé personnelle cartes.gouv.fr (les anciennes clés Géoportail ne fonctionnent plus)</source>
            <translation>licensed (non-free) layer: it is served by data.geopf.fr/private and needs a personal cartes.gouv.fr key (old Géoportail keys no longer work)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé personnelle retirée : pour les couches sous licence (SCAN 25, SCAN 100, OACI), ajoutez une connexion data.geopf.fr/private avec votre clé cartes.gouv.fr</source>
            <translation>personal key removed: for licensed layers (SCAN 25, SCAN 100, OACI), add a data.geopf.fr/private connection with your cartes.gouv.fr key</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse d'un ancien service Géoportail à un endroit de la source que la bascule ne sait pas réécrire : source laissée telle quelle, à refaire depuis le catalogue</source>
            <translation>address of an old Géoportail service in a part of the source the switch cannot rewrite: source left as it was, redo it from the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source WMS au format de QGIS 1.x : les noms des couches sont rangés dans le projet (wmsSublayer), hors de la source ; basculez le fichier projet lui-même (ou ouvrez-le et enregistrez-le avec QGIS 3)</source>
            <translation>WMS source in the QGIS 1.x format: the layer names are stored in the project (wmsSublayer), outside the source; switch the project file itself (or open and save it with QGIS 3)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>fournisseur « {provider} » non pris en charge : source laissée telle quelle</source>
            <translation>provider "{provider}" not supported: source left as it is</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la couche {name} n'existe plus sur la Géoplateforme</source>
            <translation>layer {name} no longer exists on the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>règle du registre vers {name} ({service}) sans couche GPF publiée</source>
            <translation>registry rule points to {name} ({service}), which no GPF service publishes</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la couche {name} est désormais servie par le WMS raster de la Géoplateforme</source>
            <translation>layer {name} is now served by the Géoplateforme's WMS raster</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la couche {name} n'est pas publiée par le {service} de la Géoplateforme</source>
            <translation>layer {name} is not published by the Géoplateforme's {service}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse Géoportail sans équivalent connu sur la Géoplateforme</source>
            <translation>Géoportail address with no known equivalent on the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse du service {service} inattendue pour ce type de couche</source>
            <translation>{service} address unexpected for this kind of layer</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>TileMatrixSet {old_set} ({old_crs}) non proposé pour {layer} : {new_set} en {new_crs} ; la couche sera reprojetée à la volée</source>
            <translation>TileMatrixSet {old_set} ({old_crs}) not offered for {layer}: {new_set} in {new_crs}; the layer will be reprojected on the fly</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>(aucun)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {old} » devenu « {new} » sur la Géoplateforme</source>
            <translation>style "{old}" is now "{new}" on the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>ancienne source WMS sous forme d'adresse seule : à refaire depuis le catalogue</source>
            <translation>old WMS source given as a bare address: add the layer again from the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>ancienne couche WMS tuilée (WMS-C) : demandée en WMS simple à la Géoplateforme</source>
            <translation>old tiled WMS layer (WMS-C): requested as plain WMS from the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>paramètres de la couche incohérents avec le service de l'adresse</source>
            <translation>layer parameters inconsistent with the address's service</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé publique du Géoportail de l'urbanisme retirée : la connexion passe sur le {service} général de la Géoplateforme, qui sert les couches d'urbanisme (wfs_du, wfs_scot…) parmi toutes ses couches libres</source>
            <translation>public key of the Géoportail de l'urbanisme removed: the connection moves to the Géoplateforme's general {service}, which serves the planning layers (wfs_du, wfs_scot…) among all its free layers</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé publique partagée « {key} » retirée : la Géoplateforme ne demande plus de clé pour ses couches libres ; la connexion liste désormais toutes les couches libres du {service}, pas seulement celles de cette clé</source>
            <translation>shared public key “{key}” removed: the Géoplateforme needs no key for its free layers; the connection now lists every free layer of the {service}, not only those of this key</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé thématique « {key} » retirée : la connexion liste désormais toutes les couches libres du {service}, plus seulement celles du thème {key}</source>
            <translation>thematic key “{key}” removed: the connection now lists every free layer of the {service}, no longer only those of the {key} theme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la Géoplateforme n'a pas de service INSPIRE à part : la connexion passe sur le {service} général, qui sert {served} couches INSPIRE de vue ({examples}…) ; ne sont plus servies : {missing}</source>
            <translation>the Géoplateforme has no separate INSPIRE service: the connection moves to the general {service}, which serves {served} INSPIRE view layers ({examples}…); no longer served: {missing}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source WMS sans couche</source>
            <translation>WMS source without a layer</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>{missing} couche(s) sur {total} de cette source sans équivalent ({found} publiée(s) : {names}) ; source laissée entière, à séparer : {reasons}</source>
            <translation>{missing} layer(s) out of {total} in this source have no equivalent ({found} published: {names}); source left whole, to be split: {reasons}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>couches réparties entre WMS raster et WMS vecteur : à séparer en deux couches QGIS</source>
            <translation>layers split between WMS raster and WMS vector: make two QGIS layers of them</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {style} » non vérifiable sur le WMS vecteur pour {layer} : style par défaut</source>
            <translation>style “{style}” cannot be checked on the WMS vecteur for {layer}: default style</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {style} » inconnu pour {layer} : style par défaut</source>
            <translation>style "{style}" unknown for {layer}: default style</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>le WMS raster de la Géoplateforme accepte au plus deux couches par requête</source>
            <translation>the Géoplateforme's WMS raster accepts at most two layers per request</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>le WMS raster de la Géoplateforme ne répond qu'en version 1.3.0</source>
            <translation>the Géoplateforme's WMS raster only answers in version 1.3.0</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>{layer} n'est pas proposée en Pseudo-Mercator : une couche XYZ ne peut pas l'afficher</source>
            <translation>{layer} is not offered in Pseudo-Mercator: an XYZ layer cannot show it</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse de style de tuiles vectorielles sans équivalent connu</source>
            <translation>vector tile style address with no known equivalent</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {style} » non listé par la Géoplateforme pour {layer}</source>
            <translation>style "{style}" not listed by the Géoplateforme for {layer}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source WFS illisible</source>
            <translation>unreadable WFS source</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>WFS {version} n'est plus servi : version 2.0.0</source>
            <translation>WFS {version} is no longer served: version 2.0.0</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>le champ géométrique the_geom s'appelle geom sur la Géoplateforme : filtre adapté</source>
            <translation>the geometry field the_geom is called geom on the Géoplateforme: filter adapted</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source GDAL vers un ancien service Géoportail : à refaire depuis le catalogue</source>
            <translation>GDAL source pointing to an old Géoportail service: add the layer again from the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>GDAL lit lui-même les tuiles : la clé cartes.gouv.fr doit être ajoutée à l'adresse (paramètre apikey)</source>
            <translation>GDAL fetches the tiles itself: the cartes.gouv.fr key must be added to the address (apikey parameter)</translation>
        </message>
        <message>
            <location filename="../../mapping/layer_limit.py" />
            <source>la Géoplateforme accepte au plus deux couches par requête {service} : cette source en nomme {count} ; séparez-la en une couche QGIS par sous-couche</source>
            <translation>the Géoplateforme accepts at most two layers per {service} request: this source names {count}; split it into one QGIS layer per sublayer</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>fond de plan Lizmap {layer} : Lizmap Web Client 3.7 et suivants le construisent sur data.geopf.fr sans clé (3liz/lizmap-web-client#3974) ; rien à changer dans le .cfg, mais une version plus ancienne de Lizmap appelle encore wxs.ign.fr : mettez Lizmap Web Client à jour</source>
            <translation>Lizmap base layer {layer}: Lizmap Web Client 3.7 and later build it on data.geopf.fr without a key (3liz/lizmap-web-client#3974); nothing to change in the .cfg, but an older Lizmap still calls wxs.ign.fr: update Lizmap Web Client</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>fond de plan Lizmap ign-scan (GEOGRAPHICALGRIDSYSTEMS.MAPS, données sous licence) : Lizmap Web Client 3.7 et suivants l'appellent sur data.geopf.fr/private/wmts avec ignKey ; une ancienne clé Géoportail n'y vaut rien : mettez dans ignKey une clé Géoplateforme (cartes.gouv.fr) ({state})</source>
            <translation>Lizmap base layer ign-scan (GEOGRAPHICALGRIDSYSTEMS.MAPS, licensed data): Lizmap Web Client 3.7 and later call it on data.geopf.fr/private/wmts with ignKey; an old Géoportail key is worthless there: put a Géoplateforme key (cartes.gouv.fr) in ignKey ({state})</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>une clé est renseignée, à vérifier</source>
            <translation>a key is set, to be checked</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>aucune clé renseignée</source>
            <translation>no key set</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>configuration Lizmap illisible (JSON attendu : {detail})</source>
            <translation>unreadable Lizmap configuration (JSON expected: {detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>configuration Lizmap illisible (objet JSON attendu)</source>
            <translation>unreadable Lizmap configuration (JSON object expected)</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>configuration Lizmap : mise en page non reconnue, rien n'a été modifié</source>
            <translation>Lizmap configuration: layout not recognised, nothing was changed</translation>
        </message>
        <message>
            <location filename="../../mapping/outcome.py" />
            <source>erreur interne du moteur ({error}) : source laissée telle quelle</source>
            <translation>internal engine error ({error}): source left as it is</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>type de fichier non pris en charge (attendu : .qgs, .qgz, .qlr ou export de connexions .xml)</source>
            <translation>unsupported file type (expected: .qgs, .qgz, .qlr or a .xml connections export)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>racine XML &lt;{tag}&gt; inattendue : {expected}</source>
            <translation>unexpected XML root &lt;{tag}&gt;: {expected}</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>ce n'est pas un projet QGIS (&lt;qgis&gt;)</source>
            <translation>this is not a QGIS project (&lt;qgis&gt;)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>ce n'est pas une définition de couches QGIS (&lt;qlr&gt;)</source>
            <translation>this is not a QGIS layer definition (&lt;qlr&gt;)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>ce n'est pas un export de connexions QGIS (WMS/WMTS, WFS, XYZ, tuiles vectorielles)</source>
            <translation>this is not a QGIS connections export (WMS/WMTS, WFS, XYZ, vector tiles)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>source WMS au format de QGIS 1.x réécrite au format actuel (couches, styles, format et SCR repris du projet)</source>
            <translation>WMS source in the QGIS 1.x format rewritten in today's form (layers, styles, format and CRS taken from the project)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz corrompue ({detail})</source>
            <translation>corrupt .qgz archive ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : l'entrée {name} sort du dossier de l'archive</source>
            <translation>.qgz archive refused: entry {name} points outside the archive's folder</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : entrée {name} en double</source>
            <translation>.qgz archive refused: duplicate entry {name}</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz sans projet .qgs</source>
            <translation>.qgz archive without a .qgs project</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz ambiguë : plusieurs projets .qgs ({listed})</source>
            <translation>ambiguous .qgz archive: several .qgs projects ({listed})</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz chiffrée : non prise en charge</source>
            <translation>encrypted .qgz archive: not supported</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : projet .qgs annoncé trop gros (bombe zip ?)</source>
            <translation>.qgz archive refused: the .qgs project claims to be too large (zip bomb?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : plus de {limit} Mo une fois décompressée (bombe zip ?)</source>
            <translation>refused .qgz archive: more than {limit} MB once decompressed (zip bomb?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : taux de compression supérieur à {ratio}:1 (bombe zip ?)</source>
            <translation>refused .qgz archive: compression ratio above {ratio}:1 (zip bomb?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>projet {name} introuvable dans la base</source>
            <translation>project {name} not found in the database</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>projet {name} introuvable dans la base : sa sauvegarde est gardée, rien n'a été modifié</source>
            <translation>project {name} not found in the database: its backup is kept, nothing was changed</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>connexion à la base impossible ({detail})</source>
            <translation>cannot connect to the database ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>erreur de la base ({detail}) : rien n'a été modifié</source>
            <translation>database error ({detail}): nothing was changed</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>aucun projet QGIS enregistré ici (table qgis_projects absente ou vide)</source>
            <translation>no QGIS project stored here (table qgis_projects missing or empty)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse GeoPackage non comprise (attendu : geopackage:/chemin/fichier.gpkg)</source>
            <translation>GeoPackage address not understood (expected: geopackage:/path/file.gpkg)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse GeoPackage sans chemin (attendu : geopackage:/chemin/fichier.gpkg)</source>
            <translation>GeoPackage address without a path (expected: geopackage:/path/file.gpkg)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>contenu du projet illisible (texte hexadécimal attendu)</source>
            <translation>unreadable project content (hexadecimal text expected)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>authcfg : la configuration d'authentification de QGIS n'est lisible que dans QGIS ; hors de QGIS, donnez la connexion par un fichier de service (service=…), les variables PG* ou le fichier de mots de passe (.pgpass)</source>
            <translation>authcfg: QGIS's authentication configuration can only be read inside QGIS; outside QGIS, give the connection through a service file (service=…), the PG* variables or the password file (.pgpass)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse PostgreSQL sans schéma (…&amp;schema=public)</source>
            <translation>PostgreSQL address without a schema (…&amp;schema=public)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse PostgreSQL non comprise (port ?)</source>
            <translation>PostgreSQL address not understood (port?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>module Python psycopg2 absent : installez-le (Debian/Ubuntu : apt install python3-psycopg2)</source>
            <translation>Python module psycopg2 missing: install it (Debian/Ubuntu: apt install python3-psycopg2)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse de projet en base non comprise (geopackage:… ou postgresql://…)</source>
            <translation>stored-project address not understood (geopackage:… or postgresql://…)</translation>
        </message>
        <message>
            <location filename="../../mapping/provider_uri.py" />
            <source>adresse illisible ({error})</source>
            <translation>unreadable address ({error})</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_ini.py" />
            <source>fichier de paramètres QGIS illisible (binaire)</source>
            <translation>unreadable QGIS settings file (binary)</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_ini.py" />
            <source>fichier de paramètres QGIS : clé {key} absente, impossible à ajouter sans risque (connexion {name}) ; rien n'a été modifié</source>
            <translation>QGIS settings file: key {key} missing and cannot be added safely (connection {name}); nothing was changed</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_ini.py" />
            <source>fichier de paramètres QGIS : nouvelle valeur impossible à écrire en {encoding}</source>
            <translation>QGIS settings file: the new value cannot be written in {encoding}</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>encodage UTF-16/UTF-32 non pris en charge (QGIS écrit de l'UTF-8)</source>
            <translation>UTF-16/UTF-32 encoding not supported (QGIS writes UTF-8)</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>encodage XML non pris en charge : {encoding}</source>
            <translation>unsupported XML encoding: {encoding}</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)</source>
            <translation>internal DTD declaring entities: document refused (risk of expansion or leak)</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>XML invalide ({detail})</source>
            <translation>invalid XML ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>XML vide</source>
            <translation>empty XML</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 CADASTRALPARCELS.PARCELLAIRE_EXPRESS.L93 (clé lambert93) n'existe plus : CADASTRALPARCELS.PARCELLAIRE_EXPRESS, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer CADASTRALPARCELS.PARCELLAIRE_EXPRESS.L93 (key lambert93) no longer exists: CADASTRALPARCELS.PARCELLAIRE_EXPRESS, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 CADASTRALPARCELS.PARCELS.L93 (clé lambert93) n'existe plus : CADASTRALPARCELS.PARCELS, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer CADASTRALPARCELS.PARCELS.L93 (key lambert93) no longer exists: CADASTRALPARCELS.PARCELS, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93 (clé lambert93) n'existe plus : GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93 (key lambert93) no longer exists: GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 HR.ORTHOIMAGERY.ORTHOPHOTOS.L93 (clé lambert93) n'existe plus : HR.ORTHOIMAGERY.ORTHOPHOTOS, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer HR.ORTHOIMAGERY.ORTHOPHOTOS.L93 (key lambert93) no longer exists: HR.ORTHOIMAGERY.ORTHOPHOTOS, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 LIMITES_ADMINISTRATIVES_EXPRESS.LATEST.L93 (clé lambert93) n'existe plus : LIMITES_ADMINISTRATIVES_EXPRESS.LATEST, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer LIMITES_ADMINISTRATIVES_EXPRESS.LATEST.L93 (key lambert93) no longer exists: LIMITES_ADMINISTRATIVES_EXPRESS.LATEST, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO.L93 (key lambert93) no longer exists: ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019.L93 (key lambert93) no longer exists: ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020.L93 (key lambert93) no longer exists: ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021.L93 (key lambert93) no longer exists: ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022.L93 (clé lambert93) n'existe plus, ni sa version Pseudo-Mercator ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022.L93 (key lambert93) no longer exists, nor does its Pseudo-Mercator version ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019.L93 (key lambert93) no longer exists: ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020.L93 (key lambert93) no longer exists: ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021, en Pseudo-Mercator</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021.L93 (key lambert93) no longer exists: ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021, in Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022.L93 (clé lambert93) n'existe plus, ni sa version Pseudo-Mercator ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022</source>
            <translation>Lambert 93 layer ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022.L93 (key lambert93) no longer exists, nor does its Pseudo-Mercator version ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ADMIN_EXPRESS est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>ADMIN_EXPRESS is a vector tile stream: the Géoplateforme serves it as TMS; add it from the catalogue as a vector tile layer</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BDTOPO est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>BDTOPO is a vector tile stream: the Géoplateforme serves it as TMS; add it from the catalogue as a vector tile layer</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ISOHYPSE est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>ISOHYPSE is a vector tile stream: the Géoplateforme serves it as TMS; add it from the catalogue as a vector tile layer</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>OCSGE_2016 est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>OCSGE_2016 is a vector tile stream: the Géoplateforme serves it as TMS; add it from the catalogue as a vector tile layer</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>OCSGE_2019 est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>OCSGE_2019 is a vector tile stream: the Géoplateforme serves it as TMS; add it from the catalogue as a vector tile layer</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PCI est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>PCI is a vector tile stream: the Géoplateforme serves it as TMS; add it from the catalogue as a vector tile layer</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PLAN.IGN est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>PLAN.IGN is a vector tile stream: the Géoplateforme serves it as TMS; add it from the catalogue as a vector tile layer</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>OCS GE 2010 retirée : aucune couche équivalente sur la Géoplateforme (voir les millésimes OCS GE publiés dans le catalogue)</source>
            <translation>OCS GE 2010 withdrawn: no equivalent layer on the Géoplateforme (see the OCS GE editions published in the catalogue)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ortho-express 2022 retirée de la Géoplateforme : choisissez ORTHOIMAGERY.ORTHOPHOTOS ou un autre millésime dans le catalogue</source>
            <translation>ortho-express 2022 withdrawn from the Géoplateforme: choose ORTHOIMAGERY.ORTHOPHOTOS or another edition in the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>listée par IGN comme couche WMS mais absente des capacités WMTS et WMS raster enregistrées (2024-06) : à vérifier dans le catalogue</source>
            <translation>listed by IGN as a WMS layer but missing from the recorded WMTS and WMS raster capabilities (2024-06): check the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>absente du WMS raster enregistré (2024-06) ; la couche est publiée en WMTS : ajoutez-la depuis le catalogue</source>
            <translation>missing from the recorded WMS raster (2024-06); the layer is published as WMTS: add it from the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>couche INSPIRE du WMS vecteur non reprise par la Géoplateforme</source>
            <translation>INSPIRE layer of the WMS vector not carried over by the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BAN.ADRESSE devenue BAN.DATA.GOUV (Base Adresse Nationale) : vérifiez le rendu</source>
            <translation>BAN.ADRESSE is now BAN.DATA.GOUV (Base Adresse Nationale): check the rendering</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ancienne BD CARTO : la BD CARTO v5 (couches BDCARTO-*_WLD_WGS84G) a un autre découpage thématique, sans correspondance une à une</source>
            <translation>old BD CARTO: BD CARTO v5 (layers BDCARTO-*_WLD_WGS84G) is split into other themes, with no one-to-one match</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_commune devenu chef_lieu_de_commune (vérifiez les attributs utilisés)</source>
            <translation>ADMIN EXPRESS 2025 schema: chflieu_commune is now chef_lieu_de_commune (check the attributes you use)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_arrondissement_municipal devenu chef_lieu_d_arrondissement_municipal (vérifiez les attributs utilisés)</source>
            <translation>ADMIN EXPRESS 2025 schema: chflieu_arrondissement_municipal is now chef_lieu_d_arrondissement_municipal (check the attributes you use)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_commune_associee_ou_deleguee n'est plus publié dans ADMINEXPRESS-COG.LATEST</source>
            <translation>ADMIN EXPRESS 2025 schema: chflieu_commune_associee_ou_deleguee is no longer published in ADMINEXPRESS-COG.LATEST</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_commune_associee_ou_deleguee devenu chef_lieu_de_commune_associee_ou_deleguee (vérifiez les attributs utilisés)</source>
            <translation>ADMIN EXPRESS 2025 schema: chflieu_commune_associee_ou_deleguee is now chef_lieu_de_commune_associee_ou_deleguee (check the attributes you use)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type arrondissement_departemental absent du schéma ADMIN EXPRESS publié ; choisissez un type LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* dans le catalogue</source>
            <translation>type arrondissement_departemental missing from the published ADMIN EXPRESS schema; choose a LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* type in the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type chef_lieu absent du schéma ADMIN EXPRESS publié ; choisissez un type LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* dans le catalogue</source>
            <translation>type chef_lieu missing from the published ADMIN EXPRESS schema; choose a LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* type in the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BAN.ADRESSE:ban devenu BAN.DATA.GOUV:ban</source>
            <translation>BAN.ADRESSE:ban is now BAN.DATA.GOUV:ban</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ADRESSE PREMIUM n'est plus publiée en WFS par la Géoplateforme</source>
            <translation>ADRESSE PREMIUM is no longer published as WFS by the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BD ADRESSE arrêtée : seule une édition figée (BDADRESSE_BDD_WLD_WGS84G_20190208) reste publiée ; pour les adresses, utilisez BAN.DATA.GOUV:ban</source>
            <translation>BD ADRESSE discontinued: only a frozen edition (BDADRESSE_BDD_WLD_WGS84G_20190208) is still published; for addresses, use BAN.DATA.GOUV:ban</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>cours d'eau BCAE 2022 remplacés par le dernier millésime (HYDROGRAPHY.BCAE.LATEST)</source>
            <translation>BCAE 2022 watercourses replaced by the latest edition (HYDROGRAPHY.BCAE.LATEST)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2014 ne sont plus publiés ; le type le plus proche est RPG.2014:rpg_2014 (modèle différent : parcelles et non îlots)</source>
            <translation>the anonymous RPG 2014 blocks are no longer published; the closest type is RPG.2014:rpg_2014 (different model: parcels, not blocks)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2015 ne sont plus publiés ; le type le plus proche est RPG.2015:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>the anonymous RPG 2015 blocks are no longer published; the closest type is RPG.2015:parcelles_graphiques (different model: parcels, not blocks)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2016 ne sont plus publiés ; le type le plus proche est RPG.2016:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>the anonymous RPG 2016 blocks are no longer published; the closest type is RPG.2016:parcelles_graphiques (different model: parcels, not blocks)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2017 ne sont plus publiés ; le type le plus proche est RPG.2017:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>the anonymous RPG 2017 blocks are no longer published; the closest type is RPG.2017:parcelles_graphiques (different model: parcels, not blocks)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2018 ne sont plus publiés ; le type le plus proche est RPG.2018:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>the anonymous RPG 2018 blocks are no longer published; the closest type is RPG.2018:parcelles_graphiques (different model: parcels, not blocks)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2019 ne sont plus publiés ; le type le plus proche est RPG.2019:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>the anonymous RPG 2019 blocks are no longer published; the closest type is RPG.2019:parcelles_graphiques (different model: parcels, not blocks)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2020 ne sont plus publiés ; le type le plus proche est RPG.2020:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>the anonymous RPG 2020 blocks are no longer published; the closest type is RPG.2020:parcelles_graphiques (different model: parcels, not blocks)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PLAN.IGN est un flux de tuiles vectorielles (TMS), pas un type WFS</source>
            <translation>PLAN.IGN is a vector tile stream (TMS), not a WFS type</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PCI est un flux de tuiles vectorielles (TMS), pas un type WFS</source>
            <translation>PCI is a vector tile stream (TMS), not a WFS type</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>espace de noms corrigé (GEOGRAPHICALGRIDSYSTEMS)</source>
            <translation>namespace corrected (GEOGRAPHICALGRIDSYSTEMS)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ancienne BD CARTO : la BD CARTO v5 (BDCARTO_V5:*) a un autre modèle de données, sans correspondance une à une</source>
            <translation>old BD CARTO: BD CARTO v5 (BDCARTO_V5:*) has another data model, with no one-to-one match</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type renommé rncfs</source>
            <translation>type renamed rncfs</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type renommé rnr (vérifiez les attributs utilisés)</source>
            <translation>type renamed rnr (check the attributes you use)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type renommé formation_vegetale (vérifiez les attributs utilisés)</source>
            <translation>type renamed formation_vegetale (check the attributes you use)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type retiré ; le seul type voisin, PROTECTEDAREAS.MNHN.CDL.PERIMETER:perimetre_autorise, n'est pas un équivalent certain</source>
            <translation>type withdrawn; the only similar type, PROTECTEDAREAS.MNHN.CDL.PERIMETER:perimetre_autorise, is not a sure equivalent</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type géodésie absent du WFS de la Géoplateforme (2025) ; les points géodésiques restent en WMS vecteur (IGNF_GEODESIE-*)</source>
            <translation>geodesy type missing from the Géoplateforme's WFS (2025); geodetic points remain in the WMS vector (IGNF_GEODESIE-*)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>graphe de mosaïquage ortho-express retiré</source>
            <translation>ortho-express mosaic graph withdrawn</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type retiré de la Géoplateforme</source>
            <translation>type withdrawn from the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les adresses ne sont plus publiées dans BDTOPO_V3 : utilisez BAN.DATA.GOUV:ban</source>
            <translation>addresses are no longer published in BDTOPO_V3: use BAN.DATA.GOUV:ban</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type bruit aérien retiré ; voyez TRANSPORTS.AIRNOISE.DOCS:dgac_psa_poi_wm dans le catalogue</source>
            <translation>aircraft noise type withdrawn; see TRANSPORTS.AIRNOISE.DOCS:dgac_psa_poi_wm in the catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>réseau de transports exceptionnels non publié en WFS ; il reste en WMTS/WMS (SECUROUTE.TE.*) et en tuiles vectorielles (TRANSPORT_EXCEPTIONNEL)</source>
            <translation>oversize transport network not published as WFS; it remains as WMTS/WMS (SECUROUTE.TE.*) and vector tiles (TRANSPORT_EXCEPTIONNEL)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type INSPIRE non repris par le WFS de la Géoplateforme</source>
            <translation>INSPIRE type not carried over by the Géoplateforme's WFS</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Plan IGN v2</source>
            <translation>Plan IGN v2</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Plan IGN v1 n'existe plus : Plan IGN v2 a une autre symbologie (couleurs, écritures, pictogrammes) et va jusqu'au niveau de zoom 19 (TileMatrixSet PM_0_19)</source>
            <translation>Plan IGN v1 no longer exists: Plan IGN v2 has another symbology (colours, lettering, pictograms) and goes up to zoom level 19 (TileMatrixSet PM_0_19)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Plan IGN v1 n'existe plus : Plan IGN v2 a une autre symbologie (couleurs, écritures, pictogrammes)</source>
            <translation>Plan IGN v1 no longer exists: Plan IGN v2 has another symbology (colours, lettering, pictograms)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Limites administratives mises à jour en continu</source>
            <translation>Administrative boundaries, continuously updated</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>les limites administratives viennent désormais d'ADMIN EXPRESS, mis à jour en continu : tracés plus récents, autre style, et seulement du niveau de zoom 6 au niveau 16 (TileMatrixSet PM_6_16) : rien au-delà du 1:8 000 environ</source>
            <translation>administrative boundaries now come from ADMIN EXPRESS, continuously updated: newer lines, another style, and only from zoom level 6 to level 16 (TileMatrixSet PM_6_16): nothing beyond about 1:8,000</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>les limites administratives viennent désormais d'ADMIN EXPRESS, mis à jour en continu : tracés plus récents et autre style</source>
            <translation>administrative boundaries now come from ADMIN EXPRESS, continuously updated: newer lines and another style</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Parcellaire cadastral (Parcellaire Express)</source>
            <translation>Cadastral parcels (Parcellaire Express)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'image BD Parcellaire de 2013 est remplacée par le Parcellaire Express (plan cadastral PCI mis à jour chaque trimestre) : plan plus récent, styles « normal » ou « PCI vecteur » au lieu de « bdparcellaire » (ces anciens styles ne restent que sur CADASTRALPARCELS.PARCELS, image figée en 2018)</source>
            <translation>the 2013 BD Parcellaire image is replaced by Parcellaire Express (PCI cadastral map updated every quarter): a newer map, styles “normal” or “PCI vecteur” instead of “bdparcellaire” (those old styles remain only on CADASTRALPARCELS.PARCELS, an image frozen in 2018)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Photographies aériennes</source>
            <translation>Aerial photographs</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express 2022 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO) ont une autre date de prise de vue selon le département ; zoom jusqu'au niveau 21 (TileMatrixSet PM_0_21)</source>
            <translation>ortho-express 2022 no longer exists: the most recent aerial photographs of each département (BD ORTHO) have a different shooting date depending on the département; zoom up to level 21 (TileMatrixSet PM_0_21)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express 2022 en Lambert 93 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO), en Pseudo-Mercator (reprojetées à la volée), avec une autre date de prise de vue selon le département</source>
            <translation>ortho-express 2022 in Lambert 93 no longer exists: the most recent aerial photographs of each département (BD ORTHO), in Pseudo-Mercator (reprojected on the fly), with a different shooting date depending on the département</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express 2022 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO) ont une autre date de prise de vue selon le département</source>
            <translation>ortho-express 2022 no longer exists: the most recent aerial photographs of each département (BD ORTHO) have a different shooting date depending on the département</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>BDORTHO en infrarouge fausses couleurs</source>
            <translation>BD ORTHO false-colour infrared</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express infrarouge 2022 n'existe plus : l'infrarouge couleur le plus récent de chaque département (BD ORTHO IRC) a une autre date de prise de vue selon le département</source>
            <translation>infrared ortho-express 2022 no longer exists: the most recent colour infrared of each département (BD ORTHO IRC) has a different shooting date depending on the département</translation>
        </message>
        <message>
            <location filename="../../mapping/replacements.py" />
            <source>couche remplacée à votre demande : {old} → {new} ({title}) ; {changes}</source>
            <translation>layer replaced at your request: {old} → {new} ({title}); {changes}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Rapport de bascule Géoportail → Géoplateforme</source>
            <translation>Géoportail → Géoplateforme migration report</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à corriger à la main</source>
            <translation>Old addresses outside data sources: {rewritten} rewritten, {to_fix} to fix by hand</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>À corriger : {path} : {place} {owner} ({layer}) : {text} — {reason}</source>
            <translation>To fix: {path}: {place} {owner} ({layer}): {text} — {reason}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacée : {path} : {layer} : {old} → {new} ({title}) ; {changes}</source>
            <translation>Replaced: {path}: {layer}: {old} → {new} ({title}); {changes}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacement proposé, non appliqué : {path} : {layer} : {old} → {new} ({title}) ; {changes}</source>
            <translation>Replacement proposed, not applied: {path}: {layer}: {old} → {new} ({title}); {changes}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacée à votre demande</source>
            <translation>Replaced as you asked</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacement proposé, non appliqué</source>
            <translation>Replacement proposed, not applied</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Références : {evidence}</source>
            <translation>Evidence: {evidence}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Nombre</source>
            <translation>Count</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Produit le {generated} par {tool}</source>
            <translation>Produced on {generated} by {tool}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>simulation (--dry-run) : aucun fichier écrit</source>
            <translation>dry run (--dry-run): no file written</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Fichiers</source>
            <translation>Files</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Sources de données</source>
            <translation>Data sources</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>traités</source>
            <translation>processed</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Couche</source>
            <translation>Layer</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Fournisseur</source>
            <translation>Provider</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Statut</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Ancienne source → nouvelle source</source>
            <translation>Old source → new source</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Motif et avertissements</source>
            <translation>Reason and warnings</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>(identique)</source>
            <translation>(identical)</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Sortie : {path}</source>
            <translation>Output: {path}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Sauvegarde : {path}</source>
            <translation>Backup: {path}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Aucune source de données.</source>
            <translation>No data source.</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Emplacement</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Texte (ancien → nouveau)</source>
            <translation>Text (old → new)</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Adresses anciennes hors sources de données</source>
            <translation>Old addresses outside data sources</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>fichier introuvable</source>
            <translation>file not found</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>aucune sauvegarde .bak-gpf- à côté</source>
            <translation>no .bak-gpf- backup beside it</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>restauration impossible, fichier laissé tel quel ({detail})</source>
            <translation>cannot restore, file left as it is ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>aucune sauvegarde dans la table {table}</source>
            <translation>no backup in the table {table}</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>restauration impossible, projet laissé tel quel ({detail})</source>
            <translation>restore impossible, project left as it is ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>sauvegarde incomplète ou illisible, rien n'est remis : {reason}</source>
            <translation>backup incomplete or unreadable, nothing restored: {reason}</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>modifié depuis la bascule (ou enregistré par QGIS) : laissé tel quel</source>
            <translation>changed since the migration (or saved by QGIS): left as it is</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>basculée</source>
            <translation>migrated</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>basculée, clé personnelle requise</source>
            <translation>migrated, personal key required</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>inchangée</source>
            <translation>unchanged</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>sans équivalent</source>
            <translation>no equivalent</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>à basculer</source>
            <translation>to migrate</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>à basculer, clé personnelle requise</source>
            <translation>to migrate, personal key required</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>modifié</source>
            <translation>changed</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>inchangé</source>
            <translation>unchanged</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>erreur</source>
            <translation>error</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>{switched} source(s) à basculer (dont {needs_key} avec clé personnelle requise), {unmapped} sans équivalent, {unchanged} inchangée(s)</source>
            <translation>{switched} source(s) to migrate ({needs_key} of them need a personal key), {unmapped} with no equivalent, {unchanged} unchanged</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>{switched} source(s) basculée(s) (dont {needs_key} avec clé personnelle requise), {unmapped} sans équivalent, {unchanged} inchangée(s)</source>
            <translation>{switched} source(s) migrated ({needs_key} of them need a personal key), {unmapped} with no equivalent, {unchanged} unchanged</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>GPF Bascule — à propos</source>
            <translation>GPF Bascule — About</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Comment basculer un projet Géoportail vers la Géoplateforme</source>
            <translation>How to migrate a Géoportail project to the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>&lt;p&gt;&lt;b&gt;{title} {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Les anciens services Géoportail (&lt;code&gt;wxs.ign.fr&lt;/code&gt;) sont arrêtés. GPF Bascule réécrit les sources de données de vos projets QGIS (WMTS, WMS raster et vecteur, WFS, tuiles vectorielles) vers la Géoplateforme (&lt;code&gt;data.geopf.fr&lt;/code&gt;), en gardant styles, groupes et mises en page.&lt;/p&gt;&lt;p&gt;Dans le menu Internet ▸ GPF Bascule : le catalogue de la Géoplateforme, la bascule du projet ouvert, d'un dossier de projets et des connexions enregistrées. Les administrateurs ont aussi la ligne de commande, depuis le dossier de l'extension, et les traitements « Géoplateforme » :&lt;/p&gt;&lt;pre&gt;./gpf-bascule migrate projet.qgz --output-dir bascule/ --report rapport.html&lt;/pre&gt;&lt;p&gt;&lt;code&gt;--dry-run&lt;/code&gt; montre ce qui changerait sans rien écrire ; &lt;code&gt;--in-place&lt;/code&gt; réécrit les fichiers eux-mêmes, en gardant une sauvegarde à côté.&lt;/p&gt;&lt;p&gt;&lt;a href="{homepage}"&gt;{homepage}&lt;/a&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;{title} {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The old Géoportail services (&lt;code&gt;wxs.ign.fr&lt;/code&gt;) are shut down. GPF Bascule rewrites the data sources of your QGIS projects (WMTS, WMS raster and vector, WFS, vector tiles) to the Géoplateforme (&lt;code&gt;data.geopf.fr&lt;/code&gt;), keeping styles, groups and layouts.&lt;/p&gt;&lt;p&gt;In the Web ▸ GPF Bascule menu: the Géoplateforme catalog, and the migration of the open project, of a folder of projects and of saved connections. Administrators also have the command line, from the plugin folder, and the “Géoplateforme” Processing algorithms:&lt;/p&gt;&lt;pre&gt;./gpf-bascule migrate projet.qgz --output-dir bascule/ --report rapport.html&lt;/pre&gt;&lt;p&gt;&lt;code&gt;--dry-run&lt;/code&gt; shows what would change without writing anything; &lt;code&gt;--in-place&lt;/code&gt; rewrites the files themselves, keeping a backup beside them.&lt;/p&gt;&lt;p&gt;&lt;a href="{homepage}"&gt;{homepage}&lt;/a&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Bascule Géoportail → Géoplateforme</source>
            <translation>Géoportail → Géoplateforme Migration</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers traités</source>
            <translation>Files processed</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers modifiés</source>
            <translation>Files changed</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers inchangés</source>
            <translation>Files unchanged</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers en erreur</source>
            <translation>Files failed</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources basculées (sans clé personnelle)</source>
            <translation>Sources migrated (no personal key)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources inchangées</source>
            <translation>Sources unchanged</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources sans équivalent</source>
            <translation>Sources with no equivalent</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources basculées, clé personnelle requise</source>
            <translation>Sources migrated, personal key required</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets remis</source>
            <translation>Projects restored</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets modifiés depuis la bascule (laissés)</source>
            <translation>Projects changed since the migration (left)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets sans sauvegarde</source>
            <translation>Projects without a backup</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets en erreur</source>
            <translation>Projects in error</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>{} — ce champ ou le dossier ci-dessous (l'un des deux est requis)</source>
            <translation>{} — this field or the folder below (one of the two is required)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml);;Tous les fichiers et dossiers (*)</source>
            <translation>QGIS projects and layers (*.qgs *.qgz *.qlr *.xml);;All files and folders (*)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Dossier de projets, sous-dossiers compris — ce champ ou le précédent (l'un des deux est requis)</source>
            <translation>Folder of projects, subfolders included — this field or the previous one (one of the two is required)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Donnez un fichier ou un dossier : l'un des deux champs est requis.</source>
            <translation>Give a file or a folder: one of the two fields is required.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Introuvable : {}</source>
            <translation>Not found: {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Catalogue de la Géoplateforme (table)</source>
            <translation>Géoplateforme Catalog (Table)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Une ligne par couche de la Géoplateforme : service, nom, titre, thèmes, fournisseur QGIS, source de données prête à charger, clé requise ; dans l'ordre du catalogue (titre, accents ignorés, puis service). Sans instantané donné : le plus récent entre celui fourni avec l'extension et celui de la dernière mise à jour du catalogue. Les couches de test, de démonstration ou de tutoriel peuvent être laissées de côté.</source>
            <translation>One row per Géoplateforme layer: service, name, title, themes, QGIS provider, data source ready to load, key required; in the catalog's order (title, accents ignored, then service). Without a snapshot given: the newer of the one bundled with the plugin and the one of the last catalog update. Test, demo and tutorial layers can be left out.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Instantané du catalogue (.json ou .json.gz, facultatif)</source>
            <translation>Catalog snapshot (.json or .json.gz, optional)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Instantané du catalogue (*.json *.json.gz *.gz)</source>
            <translation>Catalog snapshot (*.json *.json.gz *.gz)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Laisser de côté les couches de test</source>
            <translation>Leave out the test layers</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Catalogue</source>
            <translation>Catalog</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>{} couches ; catalogue du {}</source>
            <translation>{} layers; catalog of {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Basculer un export de connexions</source>
            <translation>Migrate a Connections Export</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Réécrit vers la Géoplateforme les connexions WMS/WMTS, WFS, XYZ et tuiles vectorielles d'un export de connexions QGIS (.xml). Le fichier de sortie s'importe ensuite dans QGIS (Gérer les connexions ▸ Importer).</source>
            <translation>Rewrites to the Géoplateforme the WMS/WMTS, WFS, XYZ and vector tile connections of a QGIS connections export (.xml). The output file can then be imported into QGIS (Manage Connections ▸ Import).</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Export de connexions QGIS</source>
            <translation>QGIS connections export</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Export de connexions basculé</source>
            <translation>Migrated connections export</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Export de connexions QGIS (*.xml)</source>
            <translation>QGIS connections export (*.xml)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Le fichier de sortie doit être différent de l'export d'origine.</source>
            <translation>The output file must differ from the original export.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Basculer des projets QGIS (fichier ou dossier)</source>
            <translation>Migrate QGIS Projects (File or Folder)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Réécrit les sources Géoportail (wxs.ign.fr) d'un projet .qgs/.qgz, d'une définition de couches .qlr, d'un export de connexions .xml, ou de tous ceux d'un dossier (sous-dossiers compris), vers la Géoplateforme. Les résultats vont dans le dossier de sortie (les originaux restent intacts, les données locales liées sont copiées). Un fichier illisible est signalé dans le rapport, les autres sont traités. Donnez un fichier, un dossier (choisi avec le second champ ou saisi dans le premier), ou les deux.</source>
            <translation>Rewrites the Géoportail sources (wxs.ign.fr) of a .qgs/.qgz project, a .qlr layer definition, a .xml connections export, or of all of those in a folder (subfolders included), to the Géoplateforme. Results go to the output folder (originals stay untouched, linked local data is copied). An unreadable file is reported, the others are processed. Give a file, a folder (chosen with the second field or typed in the first), or both.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Projet, définition de couches, export de connexions ou dossier</source>
            <translation>Project, layer definition, connections export or folder</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Dossier de sortie</source>
            <translation>Output folder</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Rapport (HTML, JSON ou CSV ; par défaut dans le dossier de sortie)</source>
            <translation>Report (HTML, JSON or CSV; in the output folder by default)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Simulation : ne rien écrire d'autre que le rapport</source>
            <translation>Dry run: write nothing but the report</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Remplacer les couches retirées par celle qui leur succède (ce que la couche montre change : style, date, échelles ; sinon le remplacement est seulement proposé dans le rapport)</source>
            <translation>Replace withdrawn layers with their successor (what the layer shows changes: style, date, scales; otherwise the replacement is only proposed in the report)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Annulé entre deux fichiers : le rapport ne liste que les fichiers traités.</source>
            <translation>Canceled between two files: the report lists only the processed files.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Rapport impossible à écrire : {}</source>
            <translation>Cannot write the report: {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Basculer des projets enregistrés en base (GeoPackage, PostgreSQL)</source>
            <translation>Migrate Projects Stored in a Database (GeoPackage, PostgreSQL)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Réécrit vers la Géoplateforme les sources Géoportail des projets QGIS enregistrés dans un GeoPackage (geopackage:/chemin/fichier.gpkg, ou …?projectName=nom pour un seul projet) ou dans PostgreSQL (postgresql://hôte:port?dbname=…&amp;schema=…, ou …&amp;project=nom ; service=… accepté). Les projets changent sur place, dans leur ligne : avant chaque écriture, la ligne d'origine est copiée dans la table qgis_projects_gpf_backup (même fichier ou même schéma), dans la même transaction ; la commande « gpf-bascule restore » la remet. La simulation est cochée par défaut : elle ne modifie rien et dit ce qui changerait ; décochez-la pour basculer. Le mot de passe ne s'écrit pas dans l'adresse (fichier de service, .pgpass ou PGPASSWORD). Après la bascule, rechargez QGIS Server ou Lizmap s'ils gardent les projets en cache.</source>
            <translation>Rewrites the Géoportail sources of QGIS projects stored in a GeoPackage (geopackage:/path/file.gpkg, or …?projectName=name for one project) or in PostgreSQL (postgresql://host:port?dbname=…&amp;schema=…, or …&amp;project=name; service=… accepted) to the Géoplateforme. The projects change in place, in their row: before each write, the original row is copied into the table qgis_projects_gpf_backup (same file or same schema), in the same transaction; the command “gpf-bascule restore” puts it back. Dry run is ticked by default: it changes nothing and tells what would change; untick it to migrate. The password is not written in the address (service file, .pgpass or PGPASSWORD). After the migration, reload QGIS Server or Lizmap if they keep projects in a cache.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Adresse des projets enregistrés (geopackage:… ou postgresql://…)</source>
            <translation>Address of the stored projects (geopackage:… or postgresql://…)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Simulation : ne rien modifier dans la base (décocher pour basculer sur place)</source>
            <translation>Dry run: change nothing in the database (untick to migrate in place)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Rapport (HTML, JSON ou CSV)</source>
            <translation>Report (HTML, JSON or CSV)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Simulation sur {}</source>
            <translation>Dry run on {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Bascule sur place de {}</source>
            <translation>In-place migration of {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Annulé entre deux projets : les projets déjà traités restent basculés, chacun avec sa sauvegarde.</source>
            <translation>Cancelled between two projects: the projects already processed stay migrated, each with its backup.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Simulation : rien n'a été modifié. Décochez « Simulation » pour basculer.</source>
            <translation>Dry run: nothing was changed. Untick “Dry run” to migrate.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/provider.py" />
            <source>Géoplateforme</source>
            <translation>Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../processing_provider/provider.py" />
            <source>Géoplateforme — GPF Bascule {}</source>
            <translation>Géoplateforme — GPF Bascule {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Annuler une bascule sur place (remettre les sauvegardes)</source>
            <translation>Undo an In-Place Migration (Restore the Backups)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Remet, pour chaque projet (ou chaque projet d'un dossier), la sauvegarde .bak-gpf-DATE la plus récente qu'une bascule sur place a laissée à côté. Un projet modifié depuis la bascule (ou enregistré par QGIS) est laissé tel quel, sauf si « Remettre aussi les projets modifiés » est coché : il est alors gardé à côté (.bak-gpf-avant-restauration-DATE). Pour des projets enregistrés dans un GeoPackage ou dans PostgreSQL, donnez leur adresse (geopackage:… ou postgresql://…) : la dernière sauvegarde de chaque projet est reprise de la table qgis_projects_gpf_backup, à la même condition.</source>
            <translation>Puts back, for each project (or each project of a folder), the newest .bak-gpf-DATE backup an in-place migration left beside it. A project changed since the migration (or saved by QGIS) is left as it is, unless "Also restore projects changed since the migration" is checked: it is then kept beside (.bak-gpf-avant-restauration-DATE). For projects stored in a GeoPackage or in PostgreSQL, give their address (geopackage:… or postgresql://…): the newest backup of each project is taken back from the table qgis_projects_gpf_backup, under the same condition.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Projet basculé sur place, ou dossier</source>
            <translation>Project migrated in place, or folder</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Ou projets enregistrés en base (geopackage:… ou postgresql://…)</source>
            <translation>Or projects stored in a database (geopackage:… or postgresql://…)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Remettre aussi les projets modifiés depuis la bascule</source>
            <translation>Also restore projects changed since the migration</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Simulation : ne rien écrire</source>
            <translation>Dry run: write nothing</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>{path} : remis depuis {backup}</source>
            <translation>{path}: restored from {backup}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer vers la Géoplateforme…</source>
            <translation>Migrate to the Géoplateforme…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Faire pointer les couches Géoportail du projet ouvert vers la Géoplateforme</source>
            <translation>Point the Géoportail layers of the open project to the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer les connexions enregistrées…</source>
            <translation>Migrate Saved Connections…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Réécrire vers la Géoplateforme les connexions WMS, WFS, XYZ et tuiles vectorielles qui pointent vers les anciens services Géoportail</source>
            <translation>Rewrite to the Géoplateforme the WMS, WFS, XYZ and vector tile connections that point to the old Géoportail services</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer un dossier de projets…</source>
            <translation>Migrate a Folder of Projects…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer vers la Géoplateforme tous les projets QGIS d'un dossier, avec un rapport</source>
            <translation>Migrate all the QGIS projects of a folder to the Géoplateforme, with a report</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{names} … et {count} autres</source>
            <translation>{names} … and {count} more</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tuiles vectorielles</source>
            <translation>Vector tiles</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Fichier</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Basculer le projet vers la Géoplateforme</source>
            <translation>Migrate the Project to the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Les anciens services Géoportail (wxs.ign.fr) sont arrêtés. Les couches cochées passeront sur la Géoplateforme (data.geopf.fr) en gardant style, étiquettes, filtres et place dans l'arbre ; une copie du fichier du projet sera faite avant le prochain enregistrement.</source>
            <translation>The old Géoportail services (wxs.ign.fr) have been shut down. The checked layers will switch to the Géoplateforme (data.geopf.fr), keeping their style, labels, filters and place in the layer tree; a copy of the project file will be made before the next save.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Filtrer par nom de couche, service ou source…</source>
            <translation>Filter by layer name, service or source…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tous les états</source>
            <translation>All states</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>État</source>
            <translation>State</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source actuelle</source>
            <translation>Current source</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Nouvelle source</source>
            <translation>New source</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Avertissements</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tout cocher</source>
            <translation>Check All</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tout décocher</source>
            <translation>Uncheck All</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Appliquer</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Annuler la bascule</source>
            <translation>Undo Migration</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remet les sources d'avant la dernière bascule appliquée</source>
            <translation>Restores the sources from before the last applied migration</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Le projet ne contient aucune couche.</source>
            <translation>The project contains no layers.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remplacement proposé, clé personnelle requise</source>
            <translation>Replacement proposed, personal key required</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remplacement proposé</source>
            <translation>Replacement proposed</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remplacer par « {title} » ({layer})</source>
            <translation>Replace with “{title}” ({layer})</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Ce qui change : {changes}
Source de la correspondance : {evidence}</source>
            <translation>What changes: {changes}
Evidence for the correspondence: {evidence}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Séparer en {count} couches, une par sous-couche</source>
            <translation>Split into {count} layers, one per sublayer</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Séparation proposée</source>
            <translation>Split proposed</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la Géoplateforme sert au plus {max} couches par requête : une couche QGIS par sous-couche, même groupe, même style</source>
            <translation>the Géoplateforme serves at most {max} layers per request: one QGIS layer per sublayer, same group, same style</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Après la bascule, la couche est remplacée par une couche par sous-couche ; « Annuler la bascule » remet la couche d'origine.</source>
            <translation>After the migration, the layer is replaced by one layer per sublayer; “Undo the migration” puts the original layer back.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{total} couches : {sources} ; {unavailable} ne se chargent pas actuellement (icône d'alerte).</source>
            <translation>{total} layers: {sources}; {unavailable} do not load at the moment (warning icon).</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Sous-couches : {names}</source>
            <translation>Sublayers: {names}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source actuelle :</source>
            <translation>Current source:</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Nouvelle source :</source>
            <translation>New source:</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>remplacement proposé, appliqué seulement si vous le cochez</source>
            <translation>replacement proposed, applied only if you tick it</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Proposition : « {title} » ({layer}, {service})</source>
            <translation>Proposal: “{title}” ({layer}, {service})</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Ce qui change : {changes}</source>
            <translation>What changes: {changes}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source de la correspondance : {evidence}</source>
            <translation>Evidence for the correspondence: {evidence}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source proposée :</source>
            <translation>Proposed source:</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la couche ne se charge pas actuellement (Géoplateforme injoignable ? réseau, proxy ?)</source>
            <translation>the layer does not load at the moment (Géoplateforme out of reach? network, proxy?)</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la couche ne se charge pas actuellement (ancien service Géoportail arrêté)</source>
            <translation>the layer does not load at the moment (old Géoportail service shut down)</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la couche ne se charge pas actuellement (service injoignable ?)</source>
            <translation>the layer does not load at the moment (service out of reach?)</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Bascule des couches… {done}/{total}</source>
            <translation>Switching layers… {done}/{total}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Interrompre</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Bascule annulée : {count} couche(s) remise(s) sur leur ancienne source.</source>
            <translation>Migration undone: {count} layer(s) restored to their previous source.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Bascule interrompue : {done} couche(s) basculée(s) sur {total} ; « Annuler la bascule » les remet.</source>
            <translation>Switch stopped: {done} of {total} layer(s) switched; “Annuler la bascule” puts them back.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{count} couche(s) basculée(s) vers la Géoplateforme.</source>
            <translation>{count} layer(s) migrated to the Géoplateforme.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Dont {count} avec clé personnelle cartes.gouv.fr requise.</source>
            <translation>{count} of them need a personal cartes.gouv.fr key.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Dont {count} remplacée(s) à votre demande.</source>
            <translation>{count} of them replaced at your request.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{count} couche(s) séparée(s) en une couche par sous-couche ({made} couches).</source>
            <translation>{count} layer(s) split into one layer per sublayer ({made} layers).</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Ne répond(ent) pas encore : {names}.</source>
            <translation>Not responding yet: {names}.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Modifiée(s) depuis l'analyse, non basculée(s) : {names}.</source>
            <translation>Changed since the scan, not migrated: {names}.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Enregistrez le projet pour garder la bascule (une copie de l'ancien fichier sera faite).</source>
            <translation>Save the project to keep the migration (a copy of the old file will be made).</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Donnée sous licence : clé cartes.gouv.fr nécessaire</source>
            <translation>Licensed data: cartes.gouv.fr key required</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>{hidden} couches de test masquées</source>
            <translation>{hidden} test layers hidden</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Couches de test, de démonstration ou de tutoriel : clic droit ▸ Afficher les couches de test</source>
            <translation>Test, demo and tutorial layers: right-click ▸ Show test layers</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Couches de la Géoplateforme de l'IGN (data.geopf.fr)</source>
            <translation>IGN Géoplateforme layers (data.geopf.fr)</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Par thème</source>
            <translation>By Theme</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Par service</source>
            <translation>By Service</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Ajouter à la carte</source>
            <translation>Add to Map</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Copier l'URI</source>
            <translation>Copy URI</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Copie la source de données QGIS de la couche</source>
            <translation>Copies the QGIS data source of the layer</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Métadonnées</source>
            <translation>Metadata</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Afficher les couches de test</source>
            <translation>Show test layers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Rechercher : bâti 2154, ortho 1950…</source>
            <translation>Search: bâti 2154, ortho 1950…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Tous les mots doivent figurer dans le titre, le nom technique, le thème, le service ou la projection ; accents et majuscules sont ignorés.</source>
            <translation>Every word must appear in the title, the technical name, the theme, the service or the projection; accents and case are ignored.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Basculer le projet…</source>
            <translation>Migrate the Project…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Données libres uniquement</source>
            <translation>Open data only</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Masquer les couches sous licence, qui demandent une clé cartes.gouv.fr</source>
            <translation>Hide the licensed layers, which need a cartes.gouv.fr key</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Couches de test, de démonstration ou de tutoriel publiées sur la Géoplateforme : masquées par défaut</source>
            <translation>Test, demo and tutorial layers published on the Géoplateforme: hidden by default</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Ajouter les couches sélectionnées au projet (ou double-clic, ou Entrée ; vous pouvez aussi les glisser sur la carte)</source>
            <translation>Add the selected layers to the project (or double-click, or Enter; you can also drag them onto the map)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Copier la source de données QGIS de la couche dans le presse-papiers</source>
            <translation>Copy the QGIS data source of the layer to the clipboard</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Réessayer</source>
            <translation>Retry</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Effacer la recherche</source>
            <translation>Clear search</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Afficher aussi les données sous licence</source>
            <translation>Also show licensed data</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{total} couches</source>
            <translation>{total} layers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{count} couches sur {total}</source>
            <translation>{count} of {total} layers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Catalogue du {date}</source>
            <translation>Catalog of {date}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Catalogue indisponible</source>
            <translation>Catalog unavailable</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Le catalogue de la Géoplateforme n'a pas pu être chargé, il n'y a donc aucune couche à afficher.</source>
            <translation>The Géoplateforme catalog could not be loaded, so there are no layers to show.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Raison : {reason}</source>
            <translation>Reason: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Réessayez ; si le problème persiste, réinstallez l'extension GPF Bascule depuis le gestionnaire d'extensions.</source>
            <translation>Retry; if the problem persists, reinstall the GPF Bascule plugin from the Plugin Manager.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Aucune couche ne correspond à « {text} »</source>
            <translation>No layer matches “{text}”</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Aucune couche libre à afficher</source>
            <translation>No open data layer to show</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>retirez un mot : toutes les couches affichées doivent contenir chacun d'eux</source>
            <translation>remove a word: every layer shown must contain each of them</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>essayez un mot plus court ou une autre orthographe (bati, ortho, parcelle…)</source>
            <translation>try a shorter word or another spelling (bati, ortho, parcelle…)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>décochez « Données libres uniquement » pour voir aussi les couches sous licence</source>
            <translation>uncheck “Open data only” to also see the licensed layers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{n} couches de test masquées correspondent : cochez « Afficher les couches de test »</source>
            <translation>{n} hidden test layers match: tick “Show test layers”</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Ouvrez le groupe et sélectionnez une couche pour voir sa description.</source>
            <translation>Open the group and select a layer to see its description.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Sélectionnez une couche pour voir sa description ; double-cliquez ou glissez-la sur la carte pour l'ajouter.</source>
            <translation>Select a layer to see its description; double-click it or drag it onto the map to add it.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Source de données copiée : {title}</source>
            <translation>Data source copied: {title}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{n} sources de données copiées</source>
            <translation>{n} data sources copied</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Ouvrir la fiche de métadonnées</source>
            <translation>Open the metadata record</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Nom technique</source>
            <translation>Technical name</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Thèmes</source>
            <translation>Themes</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Projection</source>
            <translation>Projection</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>fiche de métadonnées</source>
            <translation>metadata record</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Donnée sous licence : une clé personnelle cartes.gouv.fr est nécessaire pour l'afficher.</source>
            <translation>Licensed data: a personal cartes.gouv.fr key is needed to display it.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Catalogue de la Géoplateforme : rechercher et ajouter des couches IGN</source>
            <translation>Géoplateforme catalog: search and add IGN layers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>fr</source>
            <translation>en</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>WMTS (tuiles raster)</source>
            <translation>WMTS (raster tiles)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>WFS (objets vecteur)</source>
            <translation>WFS (vector features)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>Tuiles vectorielles (TMS)</source>
            <translation>Vector tiles (TMS)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>{label} : {count} couches</source>
            <translation>{label}: {count} layers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>{label} : {count} couches sur {total}</source>
            <translation>{label}: {count} of {total} layers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>Clé personnelle cartes.gouv.fr nécessaire</source>
            <translation>Personal cartes.gouv.fr key required</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne source</source>
            <translation>Old source</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne source :</source>
            <translation>Old source:</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Basculer les connexions enregistrées</source>
            <translation>Migrate Saved Connections</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Connexion</source>
            <translation>Connection</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne adresse</source>
            <translation>Old URL</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Nouvelle adresse</source>
            <translation>New URL</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Basculer la sélection</source>
            <translation>Migrate Selection</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ajouter les connexions officielles</source>
            <translation>Add Official Connections</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>WMTS, WMS raster, WMS vecteur, WFS et tuiles vectorielles PLAN.IGN de la Géoplateforme</source>
            <translation>Géoplateforme WMTS, raster WMS, vector WMS, WFS and PLAN.IGN vector tiles</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Supprimer la sélection…</source>
            <translation>Delete Selection…</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>{count} connexion(s) enregistrée(s) pointent vers les anciens services Géoportail, arrêtés. Cochez celles à basculer vers la Géoplateforme : elles gardent leur nom.</source>
            <translation>{count} saved connection(s) point to the old Géoportail services, which have been shut down. Check those to migrate to the Géoplateforme: they keep their name.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Aucune connexion enregistrée ne pointe vers les anciens services Géoportail.</source>
            <translation>No saved connection points to the old Géoportail services.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Les adresses sont affichées sans clé ni mot de passe. Rien n'est supprimé sans votre accord.</source>
            <translation>URLs are shown without key or password. Nothing is deleted without your consent.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>identifiants retirés : inutiles sur les services libres de la Géoplateforme</source>
            <translation>credentials removed: not needed on the Géoplateforme open services</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne adresse : {url}</source>
            <translation>Old URL: {url}</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Nouvelle adresse : {url}</source>
            <translation>New URL: {url}</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>{count} connexion(s) basculée(s) vers la Géoplateforme.</source>
            <translation>{count} connection(s) migrated to the Géoplateforme.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Connexions ajoutées : {names}.</source>
            <translation>Connections added: {names}.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Les connexions officielles de la Géoplateforme sont déjà présentes.</source>
            <translation>The official Géoplateforme connections are already present.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Supprimer des connexions</source>
            <translation>Delete Connections</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Supprimer définitivement {count} connexion(s) enregistrée(s) ?</source>
            <translation>Permanently delete {count} saved connection(s)?</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>{count} connexion(s) supprimée(s).</source>
            <translation>{count} connection(s) deleted.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Basculer un dossier de projets</source>
            <translation>Migrate a Folder of Projects</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Projets à basculer (.qgs, .qgz, .qlr, exports de connexions .xml)</source>
            <translation>Projects to migrate (.qgs, .qgz, .qlr, .xml connections exports)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Un dossier (sous-dossiers compris)</source>
            <translation>A folder (subfolders included)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Des fichiers</source>
            <translation>Files</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Des projets enregistrés dans un GeoPackage ou dans PostgreSQL (basculés sur place)</source>
            <translation>Projects stored in a GeoPackage or in PostgreSQL (migrated in place)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml)</source>
            <translation>QGIS projects and layers (*.qgs *.qgz *.qlr *.xml)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>geopackage:/chemin/projets.gpkg ou postgresql://hôte:5432?dbname=…&amp;schema=…[&amp;project=…]</source>
            <translation>geopackage:/path/projects.gpkg or postgresql://host:5432?dbname=…&amp;schema=…[&amp;project=…]</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Tous les projets du GeoPackage ou du schéma, ou un seul (?projectName=… pour un GeoPackage, &amp;project=… pour PostgreSQL). Pas de mot de passe : fichier de service (service=…), .pgpass ou PGPASSWORD.</source>
            <translation>All the projects of the GeoPackage or of the schema, or one (?projectName=… for a GeoPackage, &amp;project=… for PostgreSQL). No password: service file (service=…), .pgpass or PGPASSWORD.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>GeoPackage…</source>
            <translation>GeoPackage…</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Où écrire les projets basculés</source>
            <translation>Where to write the migrated projects</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>À côté des originaux (avec sauvegarde)</source>
            <translation>Next to the originals (with backup)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Dans un dossier de sortie (originaux intacts)</source>
            <translation>In an output folder (originals untouched)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Restaurer les originaux d'une bascule sur place…</source>
            <translation>Restore the Originals of an In-Place Migration…</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Remettre les sauvegardes .bak-gpf-DATE qu'une bascule sur place a laissées (outil Processing, avec aperçu), dans le dossier choisi ci-dessus</source>
            <translation>Put back the .bak-gpf-DATE backups an in-place migration left (Processing tool, with a preview), in the folder chosen above</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Basculer</source>
            <translation>Migrate</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>GeoPackage contenant des projets QGIS</source>
            <translation>GeoPackage holding QGIS projects</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>GeoPackage (*.gpkg);;Tous les fichiers (*)</source>
            <translation>GeoPackage (*.gpkg);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Sur place, dans la base (avec sauvegarde de la ligne)</source>
            <translation>In place, in the database (with a backup of the row)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Choisissez un dossier ou des fichiers à basculer.</source>
            <translation>Choose a folder or files to migrate.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Choisissez le dossier de sortie.</source>
            <translation>Choose the output folder.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Le dossier de sortie ne peut pas être dans le dossier à basculer.</source>
            <translation>The output folder cannot be inside the folder to migrate.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Simulation : rien n'est modifié dans la base, seul le rapport est écrit.</source>
            <translation>Dry run: nothing is changed in the database, only the report is written.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Les projets changent sur place, dans leur ligne : la ligne d'origine est d'abord copiée dans la table qgis_projects_gpf_backup (même fichier ou même schéma), dans la même transaction ; « gpf-bascule restore » la remet. Rechargez QGIS Server ou Lizmap ensuite s'ils gardent les projets en cache.</source>
            <translation>The projects change in place, in their row: the original row is first copied into the table qgis_projects_gpf_backup (same file or same schema), in the same transaction; “gpf-bascule restore” puts it back. Reload QGIS Server or Lizmap afterwards if they keep projects in a cache.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Simulation : seul le rapport sera écrit.</source>
            <translation>Dry run: only the report will be written.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Chaque fichier modifié garde une sauvegarde .bak-gpf-DATE à côté de lui.</source>
            <translation>Each changed file keeps a .bak-gpf-DATE backup next to it.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Les originaux restent intacts ; les données locales liées sont copiées.</source>
            <translation>The originals are left untouched; linked local data is copied.</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Clé cartes.gouv.fr</source>
            <translation>cartes.gouv.fr Key</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Les couches sous licence (SCAN 25, SCAN 100, carte OACI) sont servies par &lt;code&gt;data.geopf.fr/private&lt;/code&gt; et demandent votre clé personnelle, à créer sur &lt;a href="https://cartes.gouv.fr"&gt;cartes.gouv.fr&lt;/a&gt;. Les anciennes clés Géoportail ne fonctionnent plus.&lt;br&gt;&lt;br&gt;La clé est gardée chiffrée dans la base d'authentification de QGIS (mot de passe principal), jamais dans le projet ni dans les paramètres.</source>
            <translation>Licensed layers (SCAN 25, SCAN 100, ICAO chart) are served by &lt;code&gt;data.geopf.fr/private&lt;/code&gt; and need your personal key, created on &lt;a href="https://cartes.gouv.fr"&gt;cartes.gouv.fr&lt;/a&gt;. Old Géoportail keys no longer work.&lt;br&gt;&lt;br&gt;The key is stored encrypted in the QGIS authentication database (master password), never in the project or the settings.</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Votre clé cartes.gouv.fr</source>
            <translation>Your cartes.gouv.fr key</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Enregistrer la clé</source>
            <translation>Save Key</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>fournisseur QGIS inconnu « {provider} » pour {name}</source>
            <translation>unknown QGIS provider “{provider}” for {name}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Style de « {title} » non appliqué ({url}) : {reason}</source>
            <translation>Style of “{title}” not applied ({url}): {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>valide</source>
            <translation>valid</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>invalide</source>
            <translation>invalid</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>entrée du catalogue {name} ({service}) : couche {kind}, fournisseur {key}, {state}</source>
            <translation>catalogue entry {name} ({service}): {kind} layer, provider {key}, {state}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Fiche de métadonnées</source>
            <translation>Metadata Record</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Couche non ajoutée</source>
            <translation>Layer Not Added</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>le service n'a pas répondu</source>
            <translation>the service did not answer</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>{name} : le fournisseur a répondu : {line}</source>
            <translation>{name}: the provider said: {line}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>« {title} » n'a pas pu être chargée depuis la Géoplateforme ({service}) : {reason}. Vérifiez votre connexion (et le proxy dans Préférences → Réseau).</source>
            <translation>“{title}” could not be loaded from the Géoplateforme ({service}): {reason}. Check your connection (and the proxy in Settings → Options → Network).</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Donnée sous licence</source>
            <translation>Licensed data</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>« {title} » est une donnée sous licence : votre clé cartes.gouv.fr enregistrée est utilisée (elle reste dans la base d'authentification de QGIS).</source>
            <translation>“{title}” is licensed data: your stored cartes.gouv.fr key is used (it stays in the QGIS authentication database).</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Couche ajoutée : {title} ({name}, {service})</source>
            <translation>Layer added: {title} ({name}, {service})</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Clé cartes.gouv.fr nécessaire</source>
            <translation>cartes.gouv.fr Key Required</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>« {title} » est une donnée sous licence : elle ne s'affiche qu'avec une clé personnelle cartes.gouv.fr. Créez votre clé sur cartes.gouv.fr, puis saisissez-la ici : elle sera gardée dans la base d'authentification de QGIS.</source>
            <translation>“{title}” is licensed data: it only displays with a personal cartes.gouv.fr key. Create your key on cartes.gouv.fr, then enter it here: it will be kept in the QGIS authentication database.</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Couches de la Géoplateforme</source>
            <translation>Géoplateforme Layers</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Ajoute une couche de la Géoplateforme (data.geopf.fr) à la carte</source>
            <translation>Adds a Géoplateforme (data.geopf.fr) layer to the map</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>clé cartes.gouv.fr nécessaire</source>
            <translation>cartes.gouv.fr key required</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>{hidden} couches de test masquées correspondent</source>
            <translation>{hidden} hidden test layers match</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Choisir pour afficher les couches de test (catalogue, Explorateur, recherche)</source>
            <translation>Choose to show the test layers (catalog, Browser, search)</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Couches de test</source>
            <translation>Test layers</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>WFS (données vecteur)</source>
            <translation>WFS (vector data)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Liste des services et thèmes</source>
            <translation>Services and themes list</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Débogage (tout)</source>
            <translation>Debug (everything)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Informations</source>
            <translation>Information</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Avertissements seulement</source>
            <translation>Warnings only</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>raison inconnue</source>
            <translation>unknown reason</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Catalogue de la Géoplateforme</source>
            <translation>Géoplateforme Catalog</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Adresses lues à chaque mise à jour du catalogue. Les valeurs par défaut sont celles de &lt;code&gt;data.geopf.fr&lt;/code&gt; ; ne les changez que pour un miroir de votre organisation.</source>
            <translation>URLs read at each catalog update. The defaults are those of &lt;code&gt;data.geopf.fr&lt;/code&gt;; change them only for a mirror of your organization.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Rétablir les adresses par défaut</source>
            <translation>Restore the default URLs</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>24 h = une fois par jour ; 168 h = une fois par semaine.</source>
            <translation>24 h = once a day; 168 h = once a week.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mise à jour automatique toutes les</source>
            <translation>Automatic update every</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mettre à jour maintenant</source>
            <translation>Update Now</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Catalogue en service</source>
            <translation>Catalogue in use</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Dernière tentative</source>
            <translation>Last attempt</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Bascule à l'ouverture des projets</source>
            <translation>Migration When Opening Projects</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Rediriger les couches Géoportail vers la Géoplateforme à l'ouverture d'un projet</source>
            <translation>Redirect Géoportail layers to the Géoplateforme when a project is opened</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Les anciennes couches (wxs.ign.fr) s'ouvrent depuis data.geopf.fr ; le fichier du projet n'est modifié que si vous l'enregistrez.</source>
            <translation>The old layers (wxs.ign.fr) open from data.geopf.fr; the project file is changed only if you save it.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Clé cartes.gouv.fr (couches sous licence : SCAN 25, SCAN 100, OACI)</source>
            <translation>cartes.gouv.fr Key (licensed layers: SCAN 25, SCAN 100, ICAO)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Oublier la clé</source>
            <translation>Forget Key</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Réseau et journal</source>
            <translation>Network and Log</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Configuration d'authentification QGIS pour un miroir qui en demande une (aucune : accès public). Le proxy de QGIS s'applique toujours.</source>
            <translation>QGIS authentication configuration for a mirror that requires one (none: public access). The QGIS proxy always applies.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Configuration d'authentification QGIS</source>
            <translation>QGIS authentication configuration</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Niveau du journal</source>
            <translation>Log level</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Fixé par la variable d'environnement {variable} (déploiement de votre organisation).</source>
            <translation>Set by the {variable} environment variable (your organization's deployment).</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>activée</source>
            <translation>on</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>désactivée</source>
            <translation>off</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>options enregistrées ; niveau du journal {level}, redirection à l'ouverture {redirect}</source>
            <translation>options saved; log level {level}, redirect on open {redirect}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mise à jour en cours (voir la barre des tâches de QGIS)…</source>
            <translation>Update in progress (see the QGIS task bar)…</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mise à jour interrompue : {reason}</source>
            <translation>Update interrupted: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>date inconnue</source>
            <translation>unknown date</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>fourni avec l'extension</source>
            <translation>shipped with the plugin</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>téléchargé depuis la Géoplateforme</source>
            <translation>downloaded from the Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>du {date} ({origin}, {count} couches)</source>
            <translation>of {date} ({origin}, {count} layers)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>aucune depuis l'installation</source>
            <translation>none since installation</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>échouée : {reason}</source>
            <translation>failed: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>(nouvel essai automatique après {date})</source>
            <translation>(next automatic try after {date})</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>réussie</source>
            <translation>succeeded</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>{date}, {outcome}</source>
            <translation>{date}, {outcome}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Une clé est enregistrée, chiffrée, dans la base d'authentification de QGIS.</source>
            <translation>A key is saved, encrypted, in the QGIS authentication database.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Aucune clé enregistrée. Elle n'est utile que pour les couches sous licence.</source>
            <translation>No key saved. It is only needed for licensed layers.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Remplacer la clé…</source>
            <translation>Replace Key…</translation>
        </message>
    </context>
</TS>
