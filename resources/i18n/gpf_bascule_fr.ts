<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
    <context>
        <name>GpfBascule</name>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>réponse du cache local de QGIS, pas de la Géoplateforme</source>
            <translation>réponse du cache local de QGIS, pas de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Mise à jour du catalogue de la Géoplateforme</source>
            <translation>Mise à jour du catalogue de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>mise à jour annulée</source>
            <translation>mise à jour annulée</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>aucun service de la Géoplateforme n'a répondu : {}</source>
            <translation>aucun service de la Géoplateforme n'a répondu : {}</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Catalogue de la Géoplateforme mis à jour : {} couches.</source>
            <translation>Catalogue de la Géoplateforme mis à jour : {} couches.</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Services non mis à jour : {}</source>
            <translation>Services non mis à jour : {}</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>mise à jour interrompue</source>
            <translation>mise à jour interrompue</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Mise à jour du catalogue annulée.</source>
            <translation>Mise à jour du catalogue annulée.</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Catalogue non mis à jour, le dernier catalogue valide reste en service : {}</source>
            <translation>Catalogue non mis à jour, le dernier catalogue valide reste en service : {}</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>Catalogue de la Géoplateforme non mis à jour (hors ligne ?) : le dernier catalogue reste utilisé.</source>
            <translation>Catalogue de la Géoplateforme non mis à jour (hors ligne ?) : le dernier catalogue reste utilisé.</translation>
        </message>
        <message>
            <location filename="../../bascule/catalog_refresh.py" />
            <source>GPF Bascule</source>
            <translation>GPF Bascule</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Donnez l'adresse des projets enregistrés (geopackage:… ou postgresql://…).</source>
            <translation>Donnez l'adresse des projets enregistrés (geopackage:… ou postgresql://…).</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Adresse de projets enregistrés attendue (geopackage:/chemin/fichier.gpkg ou postgresql://…?dbname=…&amp;schema=…) : pour des fichiers, utilisez « Basculer des projets QGIS ».</source>
            <translation>Adresse de projets enregistrés attendue (geopackage:/chemin/fichier.gpkg ou postgresql://…?dbname=…&amp;schema=…) : pour des fichiers, utilisez « Basculer des projets QGIS ».</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Pas de mot de passe dans l'adresse : il y resterait en clair (historique de Processing, champs mémorisés). Donnez-le par un fichier de service (service=…), le fichier .pgpass ou la variable PGPASSWORD.</source>
            <translation>Pas de mot de passe dans l'adresse : il y resterait en clair (historique de Processing, champs mémorisés). Donnez-le par un fichier de service (service=…), le fichier .pgpass ou la variable PGPASSWORD.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>GPF Bascule : bascule d'un dossier de projets</source>
            <translation>GPF Bascule : bascule d'un dossier de projets</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>rapport impossible à écrire ({})</source>
            <translation>rapport impossible à écrire ({})</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Bascule du dossier impossible : {}</source>
            <translation>Bascule du dossier impossible : {}</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>{total} fichier(s) traité(s) : {migrated} modifié(s), {unchanged} inchangé(s), {error} en erreur.</source>
            <translation>{total} fichier(s) traité(s) : {migrated} modifié(s), {unchanged} inchangé(s), {error} en erreur.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à corriger à la main (voir le rapport).</source>
            <translation>Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à corriger à la main (voir le rapport).</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Bascule annulée entre deux fichiers.</source>
            <translation>Bascule annulée entre deux fichiers.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Simulation : rien n'a été modifié dans la base.</source>
            <translation>Simulation : rien n'a été modifié dans la base.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Simulation : aucun fichier écrit.</source>
            <translation>Simulation : aucun fichier écrit.</translation>
        </message>
        <message>
            <location filename="../../bascule/folder_task.py" />
            <source>Rapport : {}</source>
            <translation>Rapport : {}</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection impossible : {error}</source>
            <translation>redirection impossible : {error}</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : {count} fichier(s) à côté du projet, lus par QGIS lui-même</source>
            <translation>redirection à l'ouverture : {count} fichier(s) à côté du projet, lus par QGIS lui-même</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : projet trop gros pour être réécrit en mémoire, ouvert tel quel</source>
            <translation>redirection à l'ouverture : projet trop gros pour être réécrit en mémoire, ouvert tel quel</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : projet laissé à QGIS ({error})</source>
            <translation>redirection à l'ouverture : projet laissé à QGIS ({error})</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : gestionnaire d'ouverture de projet installé</source>
            <translation>redirection à l'ouverture : gestionnaire d'ouverture de projet installé</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : gestionnaire d'ouverture de projet retiré</source>
            <translation>redirection à l'ouverture : gestionnaire d'ouverture de projet retiré</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>redirection à l'ouverture : {count} couche(s) redirigée(s), identifiants : {ids}</source>
            <translation>redirection à l'ouverture : {count} couche(s) redirigée(s), identifiants : {ids}</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>{count} couche(s) Géoportail redirigée(s) vers la Géoplateforme à l'ouverture.</source>
            <translation>{count} couche(s) Géoportail redirigée(s) vers la Géoplateforme à l'ouverture.</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>{count} demande(nt) une clé cartes.gouv.fr.</source>
            <translation>{count} demande(nt) une clé cartes.gouv.fr.</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Votre clé cartes.gouv.fr enregistrée est utilisée.</source>
            <translation>Votre clé cartes.gouv.fr enregistrée est utilisée.</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Enregistrer</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Voir le détail</source>
            <translation>Voir le détail</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Saisir ma clé…</source>
            <translation>Saisir ma clé…</translation>
        </message>
        <message>
            <location filename="../../bascule/load_redirect.py" />
            <source>Couches redirigées à l'ouverture</source>
            <translation>Couches redirigées à l'ouverture</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Clé cartes.gouv.fr invalide : lettres, chiffres, tirets et points seulement.</source>
            <translation>Clé cartes.gouv.fr invalide : lettres, chiffres, tirets et points seulement.</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Base d'authentification de QGIS verrouillée : mot de passe principal requis.</source>
            <translation>Base d'authentification de QGIS verrouillée : mot de passe principal requis.</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>La clé n'a pas pu être enregistrée dans la base d'authentification de QGIS.</source>
            <translation>La clé n'a pas pu être enregistrée dans la base d'authentification de QGIS.</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : enregistrée dans la base d'authentification de QGIS</source>
            <translation>clé cartes.gouv.fr : enregistrée dans la base d'authentification de QGIS</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : oubliée</source>
            <translation>clé cartes.gouv.fr : oubliée</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : lue dans la base d'authentification de QGIS</source>
            <translation>clé cartes.gouv.fr : lue dans la base d'authentification de QGIS</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : aucune dans la base d'authentification de QGIS</source>
            <translation>clé cartes.gouv.fr : aucune dans la base d'authentification de QGIS</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : pré-traitement des requêtes installé</source>
            <translation>clé cartes.gouv.fr : pré-traitement des requêtes installé</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : pré-traitement des requêtes retiré</source>
            <translation>clé cartes.gouv.fr : pré-traitement des requêtes retiré</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : aucune enregistrée (ou base d'authentification restée verrouillée), aucune couche rechargée</source>
            <translation>clé cartes.gouv.fr : aucune enregistrée (ou base d'authentification restée verrouillée), aucune couche rechargée</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Clé cartes.gouv.fr appliquée à {count} couche(s).</source>
            <translation>Clé cartes.gouv.fr appliquée à {count} couche(s).</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>clé cartes.gouv.fr : couches rechargées avec elle : {ids}</source>
            <translation>clé cartes.gouv.fr : couches rechargées avec elle : {ids}</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>aucune</source>
            <translation>aucune</translation>
        </message>
        <message>
            <location filename="../../bascule/private_key.py" />
            <source>Clé cartes.gouv.fr enregistrée dans la base d'authentification de QGIS et appliquée à {count} couche(s).</source>
            <translation>Clé cartes.gouv.fr enregistrée dans la base d'authentification de QGIS et appliquée à {count} couche(s).</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>expressions de la couche (étiquettes, règles, styles, champs calculés) : le champ géométrique the_geom s'appelle geom sur la Géoplateforme, expressions adaptées</source>
            <translation>expressions de la couche (étiquettes, règles, styles, champs calculés) : le champ géométrique the_geom s'appelle geom sur la Géoplateforme, expressions adaptées</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>{layer} : style non réappliqué ({error})</source>
            <translation>{layer} : style non réappliqué ({error})</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>bascule interrompue : {done} couche(s) basculée(s) sur {total}</source>
            <translation>bascule interrompue : {done} couche(s) basculée(s) sur {total}</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>bascule annulée : {count} couche(s) remise(s) sur leur ancienne source</source>
            <translation>bascule annulée : {count} couche(s) remise(s) sur leur ancienne source</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>{layer} : couche d'origine remise à la place de ses {count} sous-couches</source>
            <translation>{layer} : couche d'origine remise à la place de ses {count} sous-couches</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>{layer} : séparée en {count} couches, une par sous-couche (au plus deux couches par requête sur la Géoplateforme)</source>
            <translation>{layer} : séparée en {count} couches, une par sous-couche (au plus deux couches par requête sur la Géoplateforme)</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>sauvegarde de {file} impossible avant l'enregistrement : {error}</source>
            <translation>sauvegarde de {file} impossible avant l'enregistrement : {error}</translation>
        </message>
        <message>
            <location filename="../../bascule/project_bascule.py" />
            <source>sauvegarde avant bascule : {path}</source>
            <translation>sauvegarde avant bascule : {path}</translation>
        </message>
        <message>
            <location filename="../../bascule/qgis_compat.py" />
            <source>{count} couche(s) que QGIS n'a pas pu lire (authcfg) relue(s) sans lui</source>
            <translation>{count} couche(s) que QGIS n'a pas pu lire (authcfg) relue(s) sans lui</translation>
        </message>
        <message>
            <location filename="../../bascule/refresh_retry.py" />
            <source>catalogue : nouvel essai de mise à jour dans {minutes} min (échec n° {failures})</source>
            <translation>catalogue : nouvel essai de mise à jour dans {minutes} min (échec n° {failures})</translation>
        </message>
        <message>
            <location filename="../../bascule/refresh_retry.py" />
            <source>catalogue : tâche de mise à jour déjà terminée</source>
            <translation>catalogue : tâche de mise à jour déjà terminée</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>liste des services de l'IGN (lignes WMS absentes du WMS raster) : aucune capacité WMS vecteur lue, titre et emprise inconnus</source>
            <translation>liste des services de l'IGN (lignes WMS absentes du WMS raster) : aucune capacité WMS vecteur lue, titre et emprise inconnus</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>catalogue GPF de l'IGN (2025) : aucune capacité WMS vecteur lue, titre repris de ce catalogue, emprise inconnue</source>
            <translation>catalogue GPF de l'IGN (2025) : aucune capacité WMS vecteur lue, titre repris de ce catalogue, emprise inconnue</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>couche sous licence : clé personnelle cartes.gouv.fr nécessaire (data.geopf.fr/private)</source>
            <translation>couche sous licence : clé personnelle cartes.gouv.fr nécessaire (data.geopf.fr/private)</translation>
        </message>
        <message>
            <location filename="../../catalog/entry.py" />
            <source>TileMap non lu : niveaux {low}–{high} supposés</source>
            <translation>TileMap non lu : niveaux {low}–{high} supposés</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>document vide</source>
            <translation>document vide</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>page HTML ou XML au lieu du fichier CSV</source>
            <translation>page HTML ou XML au lieu du fichier CSV</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>en-tête CSV inattendu : {header}</source>
            <translation>en-tête CSV inattendu : {header}</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>XML illisible ou tronqué ({error})</source>
            <translation>XML illisible ou tronqué ({error})</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>le service a répondu par une exception : {text}</source>
            <translation>le service a répondu par une exception : {text}</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>page HTML au lieu du document attendu (proxy ?)</source>
            <translation>page HTML au lieu du document attendu (proxy ?)</translation>
        </message>
        <message>
            <location filename="../../catalog/refresh.py" />
            <source>document inattendu : &lt;{root}&gt;</source>
            <translation>document inattendu : &lt;{root}&gt;</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Limites administratives</source>
            <translation>Limites administratives</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Adresses</source>
            <translation>Adresses</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Agriculture</source>
            <translation>Agriculture</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Altimétrie et relief</source>
            <translation>Altimétrie et relief</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>BD France Topo (bêta)</source>
            <translation>BD France Topo (bêta)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Cartes</source>
            <translation>Cartes</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>BD CARTO (cartographie vectorielle)</source>
            <translation>BD CARTO (cartographie vectorielle)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Corine Land Cover</source>
            <translation>Corine Land Cover</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Économie</source>
            <translation>Économie</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Énergie (renouvelables, besoins, réseaux)</source>
            <translation>Énergie (renouvelables, besoins, réseaux)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Environnement</source>
            <translation>Environnement</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Forêt</source>
            <translation>Forêt</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Géodésie</source>
            <translation>Géodésie</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Eau et hydrographie</source>
            <translation>Eau et hydrographie</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Mer et littoral</source>
            <translation>Mer et littoral</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Occupation du sol (OCS GE)</source>
            <translation>Occupation du sol (OCS GE)</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>OCS GE nouvelle génération</source>
            <translation>OCS GE nouvelle génération</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Orthophotos</source>
            <translation>Orthophotos</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Orthophotos historiques</source>
            <translation>Orthophotos historiques</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Parcellaire et cadastre</source>
            <translation>Parcellaire et cadastre</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Patrimoine et culture</source>
            <translation>Patrimoine et culture</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Risques</source>
            <translation>Risques</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Images satellite</source>
            <translation>Images satellite</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Société, santé et statistiques</source>
            <translation>Société, santé et statistiques</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Sol</source>
            <translation>Sol</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Topographie</source>
            <translation>Topographie</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Transports</source>
            <translation>Transports</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Urbanisme et servitudes</source>
            <translation>Urbanisme et servitudes</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Données mondiales</source>
            <translation>Données mondiales</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Clé d'accès historique : {key}</source>
            <translation>Clé d'accès historique : {key}</translation>
        </message>
        <message>
            <location filename="../../catalog/themes.py" />
            <source>Autres</source>
            <translation>Autres</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>lien symbolique en boucle : ignoré</source>
            <translation>lien symbolique en boucle : ignoré</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>pas un fichier ordinaire (tube, périphérique…) : ignoré</source>
            <translation>pas un fichier ordinaire (tube, périphérique…) : ignoré</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>le dossier de sortie est dans ce dossier d'entrée : prenez-en un autre</source>
            <translation>le dossier de sortie est dans ce dossier d'entrée : prenez-en un autre</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>ni fichier ordinaire ni dossier (ou lien cassé)</source>
            <translation>ni fichier ordinaire ni dossier (ou lien cassé)</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>fichier ou dossier introuvable</source>
            <translation>fichier ou dossier introuvable</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>la sortie écraserait un fichier d'entrée : prenez un autre dossier</source>
            <translation>la sortie écraserait un fichier d'entrée : prenez un autre dossier</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>même fichier de sortie que {other}</source>
            <translation>même fichier de sortie que {other}</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>lecture impossible ({detail})</source>
            <translation>lecture impossible ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>modifié pendant la bascule (enregistré par un autre programme ?) : laissé tel quel, relancez la bascule</source>
            <translation>modifié pendant la bascule (enregistré par un autre programme ?) : laissé tel quel, relancez la bascule</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>sauvegarde impossible, fichier laissé intact ({detail})</source>
            <translation>sauvegarde impossible, fichier laissé intact ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>écriture impossible, fichier laissé intact ({detail})</source>
            <translation>écriture impossible, fichier laissé intact ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>écriture impossible dans {folder} ({detail})</source>
            <translation>écriture impossible dans {folder} ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>un projet enregistré en base se bascule sur place (--in-place), la sauvegarde allant dans la table {table} : relancez avec --in-place</source>
            <translation>un projet enregistré en base se bascule sur place (--in-place), la sauvegarde allant dans la table {table} : relancez avec --in-place</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>donnée locale {path} hors du dossier de sortie : non copiée, la couche sera à relier</source>
            <translation>donnée locale {path} hors du dossier de sortie : non copiée, la couche sera à relier</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>donnée locale {path} non copiée ({detail})</source>
            <translation>donnée locale {path} non copiée ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/batch.py" />
            <source>erreur inattendue ({error})</source>
            <translation>erreur inattendue ({error})</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>action de couche</source>
            <translation>action de couche</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>expression</source>
            <translation>expression</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>infobulle</source>
            <translation>infobulle</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>mise en page</source>
            <translation>mise en page</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>variable</source>
            <translation>variable</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>couche ou groupe intégré</source>
            <translation>couche ou groupe intégré</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>autre propriété</source>
            <translation>autre propriété</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>réécrite</source>
            <translation>réécrite</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>à corriger à la main</source>
            <translation>à corriger à la main</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>adresse construite par morceaux ou sans service reconnu : à corriger à la main</source>
            <translation>adresse construite par morceaux ou sans service reconnu : à corriger à la main</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>nom d'hôte de l'ancien Géoportail hors d'une adresse complète : à corriger à la main</source>
            <translation>nom d'hôte de l'ancien Géoportail hors d'une adresse complète : à corriger à la main</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>valeur mêlée à des éléments XML : à corriger à la main</source>
            <translation>valeur mêlée à des éléments XML : à corriger à la main</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>ancienne adresse hors des sources de données : à vérifier</source>
            <translation>ancienne adresse hors des sources de données : à vérifier</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>commentaire XML : à corriger à la main si besoin</source>
            <translation>commentaire XML : à corriger à la main si besoin</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>le code ou l'expression emploie encore the_geom hors de l'adresse réécrite : le champ géométrique s'appelle geom sur la Géoplateforme</source>
            <translation>le code ou l'expression emploie encore the_geom hors de l'adresse réécrite : le champ géométrique s'appelle geom sur la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>identifiants de l'ancienne adresse retirés : inutiles et invalides sur la Géoplateforme</source>
            <translation>identifiants de l'ancienne adresse retirés : inutiles et invalides sur la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>adresse qui contient une expression QGIS [% … %] que la réécriture changerait : à corriger à la main</source>
            <translation>adresse qui contient une expression QGIS [% … %] que la réécriture changerait : à corriger à la main</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>{first} ; {second}</source>
            <translation>{first} ; {second}</translation>
        </message>
        <message>
            <location filename="../../mapping/elsewhere.py" />
            <source>{count} occurrence(s) d'une ancienne adresse non localisée(s) dans le document : à vérifier</source>
            <translation>{count} occurrence(s) d'une ancienne adresse non localisée(s) dans le document : à vérifier</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>WMS raster</source>
            <translation>WMS raster</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>WMS vecteur</source>
            <translation>WMS vecteur</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>TMS (tuiles vectorielles)</source>
            <translation>TMS (tuiles vectorielles)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>ressources de tuiles vectorielles</source>
            <translation>ressources de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>couche sous licence (non libre) : elle est servie par data.geopf.fr/private et demande une clé personnelle cartes.gouv.fr (les anciennes clés Géoportail ne fonctionnent plus)</source>
            <translation>couche sous licence (non libre) : elle est servie par data.geopf.fr/private et demande une clé personnelle cartes.gouv.fr (les anciennes clés Géoportail ne fonctionnent plus)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé personnelle retirée : pour les couches sous licence (SCAN 25, SCAN 100, OACI), ajoutez une connexion data.geopf.fr/private avec votre clé cartes.gouv.fr</source>
            <translation>clé personnelle retirée : pour les couches sous licence (SCAN 25, SCAN 100, OACI), ajoutez une connexion data.geopf.fr/private avec votre clé cartes.gouv.fr</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse d'un ancien service Géoportail à un endroit de la source que la bascule ne sait pas réécrire : source laissée telle quelle, à refaire depuis le catalogue</source>
            <translation>adresse d'un ancien service Géoportail à un endroit de la source que la bascule ne sait pas réécrire : source laissée telle quelle, à refaire depuis le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source WMS au format de QGIS 1.x : les noms des couches sont rangés dans le projet (wmsSublayer), hors de la source ; basculez le fichier projet lui-même (ou ouvrez-le et enregistrez-le avec QGIS 3)</source>
            <translation>source WMS au format de QGIS 1.x : les noms des couches sont rangés dans le projet (wmsSublayer), hors de la source ; basculez le fichier projet lui-même (ou ouvrez-le et enregistrez-le avec QGIS 3)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>fournisseur « {provider} » non pris en charge : source laissée telle quelle</source>
            <translation>fournisseur « {provider} » non pris en charge : source laissée telle quelle</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la couche {name} n'existe plus sur la Géoplateforme</source>
            <translation>la couche {name} n'existe plus sur la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>règle du registre vers {name} ({service}) sans couche GPF publiée</source>
            <translation>règle du registre vers {name} ({service}) sans couche GPF publiée</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la couche {name} est désormais servie par le WMS raster de la Géoplateforme</source>
            <translation>la couche {name} est désormais servie par le WMS raster de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la couche {name} n'est pas publiée par le {service} de la Géoplateforme</source>
            <translation>la couche {name} n'est pas publiée par le {service} de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse Géoportail sans équivalent connu sur la Géoplateforme</source>
            <translation>adresse Géoportail sans équivalent connu sur la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse du service {service} inattendue pour ce type de couche</source>
            <translation>adresse du service {service} inattendue pour ce type de couche</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>TileMatrixSet {old_set} ({old_crs}) non proposé pour {layer} : {new_set} en {new_crs} ; la couche sera reprojetée à la volée</source>
            <translation>TileMatrixSet {old_set} ({old_crs}) non proposé pour {layer} : {new_set} en {new_crs} ; la couche sera reprojetée à la volée</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>(aucun)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {old} » devenu « {new} » sur la Géoplateforme</source>
            <translation>style « {old} » devenu « {new} » sur la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>ancienne source WMS sous forme d'adresse seule : à refaire depuis le catalogue</source>
            <translation>ancienne source WMS sous forme d'adresse seule : à refaire depuis le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>ancienne couche WMS tuilée (WMS-C) : demandée en WMS simple à la Géoplateforme</source>
            <translation>ancienne couche WMS tuilée (WMS-C) : demandée en WMS simple à la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>paramètres de la couche incohérents avec le service de l'adresse</source>
            <translation>paramètres de la couche incohérents avec le service de l'adresse</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé publique du Géoportail de l'urbanisme retirée : la connexion passe sur le {service} général de la Géoplateforme, qui sert les couches d'urbanisme (wfs_du, wfs_scot…) parmi toutes ses couches libres</source>
            <translation>clé publique du Géoportail de l'urbanisme retirée : la connexion passe sur le {service} général de la Géoplateforme, qui sert les couches d'urbanisme (wfs_du, wfs_scot…) parmi toutes ses couches libres</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé publique partagée « {key} » retirée : la Géoplateforme ne demande plus de clé pour ses couches libres ; la connexion liste désormais toutes les couches libres du {service}, pas seulement celles de cette clé</source>
            <translation>clé publique partagée « {key} » retirée : la Géoplateforme ne demande plus de clé pour ses couches libres ; la connexion liste désormais toutes les couches libres du {service}, pas seulement celles de cette clé</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>clé thématique « {key} » retirée : la connexion liste désormais toutes les couches libres du {service}, plus seulement celles du thème {key}</source>
            <translation>clé thématique « {key} » retirée : la connexion liste désormais toutes les couches libres du {service}, plus seulement celles du thème {key}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>la Géoplateforme n'a pas de service INSPIRE à part : la connexion passe sur le {service} général, qui sert {served} couches INSPIRE de vue ({examples}…) ; ne sont plus servies : {missing}</source>
            <translation>la Géoplateforme n'a pas de service INSPIRE à part : la connexion passe sur le {service} général, qui sert {served} couches INSPIRE de vue ({examples}…) ; ne sont plus servies : {missing}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source WMS sans couche</source>
            <translation>source WMS sans couche</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>{missing} couche(s) sur {total} de cette source sans équivalent ({found} publiée(s) : {names}) ; source laissée entière, à séparer : {reasons}</source>
            <translation>{missing} couche(s) sur {total} de cette source sans équivalent ({found} publiée(s) : {names}) ; source laissée entière, à séparer : {reasons}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>couches réparties entre WMS raster et WMS vecteur : à séparer en deux couches QGIS</source>
            <translation>couches réparties entre WMS raster et WMS vecteur : à séparer en deux couches QGIS</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {style} » non vérifiable sur le WMS vecteur pour {layer} : style par défaut</source>
            <translation>style « {style} » non vérifiable sur le WMS vecteur pour {layer} : style par défaut</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {style} » inconnu pour {layer} : style par défaut</source>
            <translation>style « {style} » inconnu pour {layer} : style par défaut</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>le WMS raster de la Géoplateforme accepte au plus deux couches par requête</source>
            <translation>le WMS raster de la Géoplateforme accepte au plus deux couches par requête</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>le WMS raster de la Géoplateforme ne répond qu'en version 1.3.0</source>
            <translation>le WMS raster de la Géoplateforme ne répond qu'en version 1.3.0</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>{layer} n'est pas proposée en Pseudo-Mercator : une couche XYZ ne peut pas l'afficher</source>
            <translation>{layer} n'est pas proposée en Pseudo-Mercator : une couche XYZ ne peut pas l'afficher</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>adresse de style de tuiles vectorielles sans équivalent connu</source>
            <translation>adresse de style de tuiles vectorielles sans équivalent connu</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>style « {style} » non listé par la Géoplateforme pour {layer}</source>
            <translation>style « {style} » non listé par la Géoplateforme pour {layer}</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source WFS illisible</source>
            <translation>source WFS illisible</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>WFS {version} n'est plus servi : version 2.0.0</source>
            <translation>WFS {version} n'est plus servi : version 2.0.0</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>le champ géométrique the_geom s'appelle geom sur la Géoplateforme : filtre adapté</source>
            <translation>le champ géométrique the_geom s'appelle geom sur la Géoplateforme : filtre adapté</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>source GDAL vers un ancien service Géoportail : à refaire depuis le catalogue</source>
            <translation>source GDAL vers un ancien service Géoportail : à refaire depuis le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/engine.py" />
            <source>GDAL lit lui-même les tuiles : la clé cartes.gouv.fr doit être ajoutée à l'adresse (paramètre apikey)</source>
            <translation>GDAL lit lui-même les tuiles : la clé cartes.gouv.fr doit être ajoutée à l'adresse (paramètre apikey)</translation>
        </message>
        <message>
            <location filename="../../mapping/layer_limit.py" />
            <source>la Géoplateforme accepte au plus deux couches par requête {service} : cette source en nomme {count} ; séparez-la en une couche QGIS par sous-couche</source>
            <translation>la Géoplateforme accepte au plus deux couches par requête {service} : cette source en nomme {count} ; séparez-la en une couche QGIS par sous-couche</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>fond de plan Lizmap {layer} : Lizmap Web Client 3.7 et suivants le construisent sur data.geopf.fr sans clé (3liz/lizmap-web-client#3974) ; rien à changer dans le .cfg, mais une version plus ancienne de Lizmap appelle encore wxs.ign.fr : mettez Lizmap Web Client à jour</source>
            <translation>fond de plan Lizmap {layer} : Lizmap Web Client 3.7 et suivants le construisent sur data.geopf.fr sans clé (3liz/lizmap-web-client#3974) ; rien à changer dans le .cfg, mais une version plus ancienne de Lizmap appelle encore wxs.ign.fr : mettez Lizmap Web Client à jour</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>fond de plan Lizmap ign-scan (GEOGRAPHICALGRIDSYSTEMS.MAPS, données sous licence) : Lizmap Web Client 3.7 et suivants l'appellent sur data.geopf.fr/private/wmts avec ignKey ; une ancienne clé Géoportail n'y vaut rien : mettez dans ignKey une clé Géoplateforme (cartes.gouv.fr) ({state})</source>
            <translation>fond de plan Lizmap ign-scan (GEOGRAPHICALGRIDSYSTEMS.MAPS, données sous licence) : Lizmap Web Client 3.7 et suivants l'appellent sur data.geopf.fr/private/wmts avec ignKey ; une ancienne clé Géoportail n'y vaut rien : mettez dans ignKey une clé Géoplateforme (cartes.gouv.fr) ({state})</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>une clé est renseignée, à vérifier</source>
            <translation>une clé est renseignée, à vérifier</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>aucune clé renseignée</source>
            <translation>aucune clé renseignée</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>configuration Lizmap illisible (JSON attendu : {detail})</source>
            <translation>configuration Lizmap illisible (JSON attendu : {detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>configuration Lizmap illisible (objet JSON attendu)</source>
            <translation>configuration Lizmap illisible (objet JSON attendu)</translation>
        </message>
        <message>
            <location filename="../../mapping/lizmap.py" />
            <source>configuration Lizmap : mise en page non reconnue, rien n'a été modifié</source>
            <translation>configuration Lizmap : mise en page non reconnue, rien n'a été modifié</translation>
        </message>
        <message>
            <location filename="../../mapping/outcome.py" />
            <source>erreur interne du moteur ({error}) : source laissée telle quelle</source>
            <translation>erreur interne du moteur ({error}) : source laissée telle quelle</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>type de fichier non pris en charge (attendu : .qgs, .qgz, .qlr ou export de connexions .xml)</source>
            <translation>type de fichier non pris en charge (attendu : .qgs, .qgz, .qlr ou export de connexions .xml)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>racine XML &lt;{tag}&gt; inattendue : {expected}</source>
            <translation>racine XML &lt;{tag}&gt; inattendue : {expected}</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>ce n'est pas un projet QGIS (&lt;qgis&gt;)</source>
            <translation>ce n'est pas un projet QGIS (&lt;qgis&gt;)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>ce n'est pas une définition de couches QGIS (&lt;qlr&gt;)</source>
            <translation>ce n'est pas une définition de couches QGIS (&lt;qlr&gt;)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>ce n'est pas un export de connexions QGIS (WMS/WMTS, WFS, XYZ, tuiles vectorielles)</source>
            <translation>ce n'est pas un export de connexions QGIS (WMS/WMTS, WFS, XYZ, tuiles vectorielles)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>source WMS au format de QGIS 1.x réécrite au format actuel (couches, styles, format et SCR repris du projet)</source>
            <translation>source WMS au format de QGIS 1.x réécrite au format actuel (couches, styles, format et SCR repris du projet)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz corrompue ({detail})</source>
            <translation>archive .qgz corrompue ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : l'entrée {name} sort du dossier de l'archive</source>
            <translation>archive .qgz refusée : l'entrée {name} sort du dossier de l'archive</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : entrée {name} en double</source>
            <translation>archive .qgz refusée : entrée {name} en double</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz sans projet .qgs</source>
            <translation>archive .qgz sans projet .qgs</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz ambiguë : plusieurs projets .qgs ({listed})</source>
            <translation>archive .qgz ambiguë : plusieurs projets .qgs ({listed})</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz chiffrée : non prise en charge</source>
            <translation>archive .qgz chiffrée : non prise en charge</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : projet .qgs annoncé trop gros (bombe zip ?)</source>
            <translation>archive .qgz refusée : projet .qgs annoncé trop gros (bombe zip ?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : plus de {limit} Mo une fois décompressée (bombe zip ?)</source>
            <translation>archive .qgz refusée : plus de {limit} Mo une fois décompressée (bombe zip ?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_files.py" />
            <source>archive .qgz refusée : taux de compression supérieur à {ratio}:1 (bombe zip ?)</source>
            <translation>archive .qgz refusée : taux de compression supérieur à {ratio}:1 (bombe zip ?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>projet {name} introuvable dans la base</source>
            <translation>projet {name} introuvable dans la base</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>projet {name} introuvable dans la base : sa sauvegarde est gardée, rien n'a été modifié</source>
            <translation>projet {name} introuvable dans la base : sa sauvegarde est gardée, rien n'a été modifié</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>connexion à la base impossible ({detail})</source>
            <translation>connexion à la base impossible ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>erreur de la base ({detail}) : rien n'a été modifié</source>
            <translation>erreur de la base ({detail}) : rien n'a été modifié</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>aucun projet QGIS enregistré ici (table qgis_projects absente ou vide)</source>
            <translation>aucun projet QGIS enregistré ici (table qgis_projects absente ou vide)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse GeoPackage non comprise (attendu : geopackage:/chemin/fichier.gpkg)</source>
            <translation>adresse GeoPackage non comprise (attendu : geopackage:/chemin/fichier.gpkg)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse GeoPackage sans chemin (attendu : geopackage:/chemin/fichier.gpkg)</source>
            <translation>adresse GeoPackage sans chemin (attendu : geopackage:/chemin/fichier.gpkg)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>contenu du projet illisible (texte hexadécimal attendu)</source>
            <translation>contenu du projet illisible (texte hexadécimal attendu)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>authcfg : la configuration d'authentification de QGIS n'est lisible que dans QGIS ; hors de QGIS, donnez la connexion par un fichier de service (service=…), les variables PG* ou le fichier de mots de passe (.pgpass)</source>
            <translation>authcfg : la configuration d'authentification de QGIS n'est lisible que dans QGIS ; hors de QGIS, donnez la connexion par un fichier de service (service=…), les variables PG* ou le fichier de mots de passe (.pgpass)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse PostgreSQL sans schéma (…&amp;schema=public)</source>
            <translation>adresse PostgreSQL sans schéma (…&amp;schema=public)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse PostgreSQL non comprise (port ?)</source>
            <translation>adresse PostgreSQL non comprise (port ?)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>module Python psycopg2 absent : installez-le (Debian/Ubuntu : apt install python3-psycopg2)</source>
            <translation>module Python psycopg2 absent : installez-le (Debian/Ubuntu : apt install python3-psycopg2)</translation>
        </message>
        <message>
            <location filename="../../mapping/project_storage.py" />
            <source>adresse de projet en base non comprise (geopackage:… ou postgresql://…)</source>
            <translation>adresse de projet en base non comprise (geopackage:… ou postgresql://…)</translation>
        </message>
        <message>
            <location filename="../../mapping/provider_uri.py" />
            <source>adresse illisible ({error})</source>
            <translation>adresse illisible ({error})</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_ini.py" />
            <source>fichier de paramètres QGIS illisible (binaire)</source>
            <translation>fichier de paramètres QGIS illisible (binaire)</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_ini.py" />
            <source>fichier de paramètres QGIS : clé {key} absente, impossible à ajouter sans risque (connexion {name}) ; rien n'a été modifié</source>
            <translation>fichier de paramètres QGIS : clé {key} absente, impossible à ajouter sans risque (connexion {name}) ; rien n'a été modifié</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_ini.py" />
            <source>fichier de paramètres QGIS : nouvelle valeur impossible à écrire en {encoding}</source>
            <translation>fichier de paramètres QGIS : nouvelle valeur impossible à écrire en {encoding}</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>encodage UTF-16/UTF-32 non pris en charge (QGIS écrit de l'UTF-8)</source>
            <translation>encodage UTF-16/UTF-32 non pris en charge (QGIS écrit de l'UTF-8)</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>encodage XML non pris en charge : {encoding}</source>
            <translation>encodage XML non pris en charge : {encoding}</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)</source>
            <translation>DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>XML invalide ({detail})</source>
            <translation>XML invalide ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/qgis_xml.py" />
            <source>XML vide</source>
            <translation>XML vide</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 CADASTRALPARCELS.PARCELLAIRE_EXPRESS.L93 (clé lambert93) n'existe plus : CADASTRALPARCELS.PARCELLAIRE_EXPRESS, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 CADASTRALPARCELS.PARCELLAIRE_EXPRESS.L93 (clé lambert93) n'existe plus : CADASTRALPARCELS.PARCELLAIRE_EXPRESS, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 CADASTRALPARCELS.PARCELS.L93 (clé lambert93) n'existe plus : CADASTRALPARCELS.PARCELS, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 CADASTRALPARCELS.PARCELS.L93 (clé lambert93) n'existe plus : CADASTRALPARCELS.PARCELS, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93 (clé lambert93) n'existe plus : GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93 (clé lambert93) n'existe plus : GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 HR.ORTHOIMAGERY.ORTHOPHOTOS.L93 (clé lambert93) n'existe plus : HR.ORTHOIMAGERY.ORTHOPHOTOS, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 HR.ORTHOIMAGERY.ORTHOPHOTOS.L93 (clé lambert93) n'existe plus : HR.ORTHOIMAGERY.ORTHOPHOTOS, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 LIMITES_ADMINISTRATIVES_EXPRESS.LATEST.L93 (clé lambert93) n'existe plus : LIMITES_ADMINISTRATIVES_EXPRESS.LATEST, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 LIMITES_ADMINISTRATIVES_EXPRESS.LATEST.L93 (clé lambert93) n'existe plus : LIMITES_ADMINISTRATIVES_EXPRESS.LATEST, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2019, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2020, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2021, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022.L93 (clé lambert93) n'existe plus, ni sa version Pseudo-Mercator ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022.L93 (clé lambert93) n'existe plus, ni sa version Pseudo-Mercator ORTHOIMAGERY.ORTHOPHOTOS.IRC-EXPRESS.2022</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2019, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2020, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021, en Pseudo-Mercator</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021.L93 (clé lambert93) n'existe plus : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021, en Pseudo-Mercator</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022.L93 (clé lambert93) n'existe plus, ni sa version Pseudo-Mercator ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022</source>
            <translation>la couche Lambert 93 ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022.L93 (clé lambert93) n'existe plus, ni sa version Pseudo-Mercator ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ADMIN_EXPRESS est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>ADMIN_EXPRESS est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BDTOPO est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>BDTOPO est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ISOHYPSE est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>ISOHYPSE est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>OCSGE_2016 est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>OCSGE_2016 est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>OCSGE_2019 est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>OCSGE_2019 est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PCI est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>PCI est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PLAN.IGN est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</source>
            <translation>PLAN.IGN est un flux de tuiles vectorielles : sur la Géoplateforme il est servi en TMS ; ajoutez-le depuis le catalogue comme couche de tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>OCS GE 2010 retirée : aucune couche équivalente sur la Géoplateforme (voir les millésimes OCS GE publiés dans le catalogue)</source>
            <translation>OCS GE 2010 retirée : aucune couche équivalente sur la Géoplateforme (voir les millésimes OCS GE publiés dans le catalogue)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ortho-express 2022 retirée de la Géoplateforme : choisissez ORTHOIMAGERY.ORTHOPHOTOS ou un autre millésime dans le catalogue</source>
            <translation>ortho-express 2022 retirée de la Géoplateforme : choisissez ORTHOIMAGERY.ORTHOPHOTOS ou un autre millésime dans le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>listée par IGN comme couche WMS mais absente des capacités WMTS et WMS raster enregistrées (2024-06) : à vérifier dans le catalogue</source>
            <translation>listée par IGN comme couche WMS mais absente des capacités WMTS et WMS raster enregistrées (2024-06) : à vérifier dans le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>absente du WMS raster enregistré (2024-06) ; la couche est publiée en WMTS : ajoutez-la depuis le catalogue</source>
            <translation>absente du WMS raster enregistré (2024-06) ; la couche est publiée en WMTS : ajoutez-la depuis le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>couche INSPIRE du WMS vecteur non reprise par la Géoplateforme</source>
            <translation>couche INSPIRE du WMS vecteur non reprise par la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BAN.ADRESSE devenue BAN.DATA.GOUV (Base Adresse Nationale) : vérifiez le rendu</source>
            <translation>BAN.ADRESSE devenue BAN.DATA.GOUV (Base Adresse Nationale) : vérifiez le rendu</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ancienne BD CARTO : la BD CARTO v5 (couches BDCARTO-*_WLD_WGS84G) a un autre découpage thématique, sans correspondance une à une</source>
            <translation>ancienne BD CARTO : la BD CARTO v5 (couches BDCARTO-*_WLD_WGS84G) a un autre découpage thématique, sans correspondance une à une</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_commune devenu chef_lieu_de_commune (vérifiez les attributs utilisés)</source>
            <translation>schéma ADMIN EXPRESS 2025 : chflieu_commune devenu chef_lieu_de_commune (vérifiez les attributs utilisés)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_arrondissement_municipal devenu chef_lieu_d_arrondissement_municipal (vérifiez les attributs utilisés)</source>
            <translation>schéma ADMIN EXPRESS 2025 : chflieu_arrondissement_municipal devenu chef_lieu_d_arrondissement_municipal (vérifiez les attributs utilisés)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_commune_associee_ou_deleguee n'est plus publié dans ADMINEXPRESS-COG.LATEST</source>
            <translation>schéma ADMIN EXPRESS 2025 : chflieu_commune_associee_ou_deleguee n'est plus publié dans ADMINEXPRESS-COG.LATEST</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>schéma ADMIN EXPRESS 2025 : chflieu_commune_associee_ou_deleguee devenu chef_lieu_de_commune_associee_ou_deleguee (vérifiez les attributs utilisés)</source>
            <translation>schéma ADMIN EXPRESS 2025 : chflieu_commune_associee_ou_deleguee devenu chef_lieu_de_commune_associee_ou_deleguee (vérifiez les attributs utilisés)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type arrondissement_departemental absent du schéma ADMIN EXPRESS publié ; choisissez un type LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* dans le catalogue</source>
            <translation>type arrondissement_departemental absent du schéma ADMIN EXPRESS publié ; choisissez un type LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* dans le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type chef_lieu absent du schéma ADMIN EXPRESS publié ; choisissez un type LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* dans le catalogue</source>
            <translation>type chef_lieu absent du schéma ADMIN EXPRESS publié ; choisissez un type LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:* dans le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BAN.ADRESSE:ban devenu BAN.DATA.GOUV:ban</source>
            <translation>BAN.ADRESSE:ban devenu BAN.DATA.GOUV:ban</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ADRESSE PREMIUM n'est plus publiée en WFS par la Géoplateforme</source>
            <translation>ADRESSE PREMIUM n'est plus publiée en WFS par la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>BD ADRESSE arrêtée : seule une édition figée (BDADRESSE_BDD_WLD_WGS84G_20190208) reste publiée ; pour les adresses, utilisez BAN.DATA.GOUV:ban</source>
            <translation>BD ADRESSE arrêtée : seule une édition figée (BDADRESSE_BDD_WLD_WGS84G_20190208) reste publiée ; pour les adresses, utilisez BAN.DATA.GOUV:ban</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>cours d'eau BCAE 2022 remplacés par le dernier millésime (HYDROGRAPHY.BCAE.LATEST)</source>
            <translation>cours d'eau BCAE 2022 remplacés par le dernier millésime (HYDROGRAPHY.BCAE.LATEST)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2014 ne sont plus publiés ; le type le plus proche est RPG.2014:rpg_2014 (modèle différent : parcelles et non îlots)</source>
            <translation>les îlots anonymes du RPG 2014 ne sont plus publiés ; le type le plus proche est RPG.2014:rpg_2014 (modèle différent : parcelles et non îlots)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2015 ne sont plus publiés ; le type le plus proche est RPG.2015:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>les îlots anonymes du RPG 2015 ne sont plus publiés ; le type le plus proche est RPG.2015:parcelles_graphiques (modèle différent : parcelles et non îlots)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2016 ne sont plus publiés ; le type le plus proche est RPG.2016:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>les îlots anonymes du RPG 2016 ne sont plus publiés ; le type le plus proche est RPG.2016:parcelles_graphiques (modèle différent : parcelles et non îlots)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2017 ne sont plus publiés ; le type le plus proche est RPG.2017:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>les îlots anonymes du RPG 2017 ne sont plus publiés ; le type le plus proche est RPG.2017:parcelles_graphiques (modèle différent : parcelles et non îlots)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2018 ne sont plus publiés ; le type le plus proche est RPG.2018:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>les îlots anonymes du RPG 2018 ne sont plus publiés ; le type le plus proche est RPG.2018:parcelles_graphiques (modèle différent : parcelles et non îlots)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2019 ne sont plus publiés ; le type le plus proche est RPG.2019:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>les îlots anonymes du RPG 2019 ne sont plus publiés ; le type le plus proche est RPG.2019:parcelles_graphiques (modèle différent : parcelles et non îlots)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les îlots anonymes du RPG 2020 ne sont plus publiés ; le type le plus proche est RPG.2020:parcelles_graphiques (modèle différent : parcelles et non îlots)</source>
            <translation>les îlots anonymes du RPG 2020 ne sont plus publiés ; le type le plus proche est RPG.2020:parcelles_graphiques (modèle différent : parcelles et non îlots)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PLAN.IGN est un flux de tuiles vectorielles (TMS), pas un type WFS</source>
            <translation>PLAN.IGN est un flux de tuiles vectorielles (TMS), pas un type WFS</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>PCI est un flux de tuiles vectorielles (TMS), pas un type WFS</source>
            <translation>PCI est un flux de tuiles vectorielles (TMS), pas un type WFS</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>espace de noms corrigé (GEOGRAPHICALGRIDSYSTEMS)</source>
            <translation>espace de noms corrigé (GEOGRAPHICALGRIDSYSTEMS)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>ancienne BD CARTO : la BD CARTO v5 (BDCARTO_V5:*) a un autre modèle de données, sans correspondance une à une</source>
            <translation>ancienne BD CARTO : la BD CARTO v5 (BDCARTO_V5:*) a un autre modèle de données, sans correspondance une à une</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type renommé rncfs</source>
            <translation>type renommé rncfs</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type renommé rnr (vérifiez les attributs utilisés)</source>
            <translation>type renommé rnr (vérifiez les attributs utilisés)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type renommé formation_vegetale (vérifiez les attributs utilisés)</source>
            <translation>type renommé formation_vegetale (vérifiez les attributs utilisés)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type retiré ; le seul type voisin, PROTECTEDAREAS.MNHN.CDL.PERIMETER:perimetre_autorise, n'est pas un équivalent certain</source>
            <translation>type retiré ; le seul type voisin, PROTECTEDAREAS.MNHN.CDL.PERIMETER:perimetre_autorise, n'est pas un équivalent certain</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type géodésie absent du WFS de la Géoplateforme (2025) ; les points géodésiques restent en WMS vecteur (IGNF_GEODESIE-*)</source>
            <translation>type géodésie absent du WFS de la Géoplateforme (2025) ; les points géodésiques restent en WMS vecteur (IGNF_GEODESIE-*)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>graphe de mosaïquage ortho-express retiré</source>
            <translation>graphe de mosaïquage ortho-express retiré</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type retiré de la Géoplateforme</source>
            <translation>type retiré de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>les adresses ne sont plus publiées dans BDTOPO_V3 : utilisez BAN.DATA.GOUV:ban</source>
            <translation>les adresses ne sont plus publiées dans BDTOPO_V3 : utilisez BAN.DATA.GOUV:ban</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type bruit aérien retiré ; voyez TRANSPORTS.AIRNOISE.DOCS:dgac_psa_poi_wm dans le catalogue</source>
            <translation>type bruit aérien retiré ; voyez TRANSPORTS.AIRNOISE.DOCS:dgac_psa_poi_wm dans le catalogue</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>réseau de transports exceptionnels non publié en WFS ; il reste en WMTS/WMS (SECUROUTE.TE.*) et en tuiles vectorielles (TRANSPORT_EXCEPTIONNEL)</source>
            <translation>réseau de transports exceptionnels non publié en WFS ; il reste en WMTS/WMS (SECUROUTE.TE.*) et en tuiles vectorielles (TRANSPORT_EXCEPTIONNEL)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/layer_rules.csv" />
            <source>type INSPIRE non repris par le WFS de la Géoplateforme</source>
            <translation>type INSPIRE non repris par le WFS de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Plan IGN v2</source>
            <translation>Plan IGN v2</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Plan IGN v1 n'existe plus : Plan IGN v2 a une autre symbologie (couleurs, écritures, pictogrammes) et va jusqu'au niveau de zoom 19 (TileMatrixSet PM_0_19)</source>
            <translation>Plan IGN v1 n'existe plus : Plan IGN v2 a une autre symbologie (couleurs, écritures, pictogrammes) et va jusqu'au niveau de zoom 19 (TileMatrixSet PM_0_19)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Plan IGN v1 n'existe plus : Plan IGN v2 a une autre symbologie (couleurs, écritures, pictogrammes)</source>
            <translation>Plan IGN v1 n'existe plus : Plan IGN v2 a une autre symbologie (couleurs, écritures, pictogrammes)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Limites administratives mises à jour en continu</source>
            <translation>Limites administratives mises à jour en continu</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>les limites administratives viennent désormais d'ADMIN EXPRESS, mis à jour en continu : tracés plus récents, autre style, et seulement du niveau de zoom 6 au niveau 16 (TileMatrixSet PM_6_16) : rien au-delà du 1:8 000 environ</source>
            <translation>les limites administratives viennent désormais d'ADMIN EXPRESS, mis à jour en continu : tracés plus récents, autre style, et seulement du niveau de zoom 6 au niveau 16 (TileMatrixSet PM_6_16) : rien au-delà du 1:8 000 environ</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>les limites administratives viennent désormais d'ADMIN EXPRESS, mis à jour en continu : tracés plus récents et autre style</source>
            <translation>les limites administratives viennent désormais d'ADMIN EXPRESS, mis à jour en continu : tracés plus récents et autre style</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Parcellaire cadastral (Parcellaire Express)</source>
            <translation>Parcellaire cadastral (Parcellaire Express)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'image BD Parcellaire de 2013 est remplacée par le Parcellaire Express (plan cadastral PCI mis à jour chaque trimestre) : plan plus récent, styles « normal » ou « PCI vecteur » au lieu de « bdparcellaire » (ces anciens styles ne restent que sur CADASTRALPARCELS.PARCELS, image figée en 2018)</source>
            <translation>l'image BD Parcellaire de 2013 est remplacée par le Parcellaire Express (plan cadastral PCI mis à jour chaque trimestre) : plan plus récent, styles « normal » ou « PCI vecteur » au lieu de « bdparcellaire » (ces anciens styles ne restent que sur CADASTRALPARCELS.PARCELS, image figée en 2018)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>Photographies aériennes</source>
            <translation>Photographies aériennes</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express 2022 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO) ont une autre date de prise de vue selon le département ; zoom jusqu'au niveau 21 (TileMatrixSet PM_0_21)</source>
            <translation>l'ortho-express 2022 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO) ont une autre date de prise de vue selon le département ; zoom jusqu'au niveau 21 (TileMatrixSet PM_0_21)</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express 2022 en Lambert 93 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO), en Pseudo-Mercator (reprojetées à la volée), avec une autre date de prise de vue selon le département</source>
            <translation>l'ortho-express 2022 en Lambert 93 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO), en Pseudo-Mercator (reprojetées à la volée), avec une autre date de prise de vue selon le département</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express 2022 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO) ont une autre date de prise de vue selon le département</source>
            <translation>l'ortho-express 2022 n'existe plus : les photographies aériennes les plus récentes de chaque département (BD ORTHO) ont une autre date de prise de vue selon le département</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>BDORTHO en infrarouge fausses couleurs</source>
            <translation>BDORTHO en infrarouge fausses couleurs</translation>
        </message>
        <message>
            <location filename="../../mapping/registry/replacements.csv" />
            <source>l'ortho-express infrarouge 2022 n'existe plus : l'infrarouge couleur le plus récent de chaque département (BD ORTHO IRC) a une autre date de prise de vue selon le département</source>
            <translation>l'ortho-express infrarouge 2022 n'existe plus : l'infrarouge couleur le plus récent de chaque département (BD ORTHO IRC) a une autre date de prise de vue selon le département</translation>
        </message>
        <message>
            <location filename="../../mapping/replacements.py" />
            <source>couche remplacée à votre demande : {old} → {new} ({title}) ; {changes}</source>
            <translation>couche remplacée à votre demande : {old} → {new} ({title}) ; {changes}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Rapport de bascule Géoportail → Géoplateforme</source>
            <translation>Rapport de bascule Géoportail → Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à corriger à la main</source>
            <translation>Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à corriger à la main</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>À corriger : {path} : {place} {owner} ({layer}) : {text} — {reason}</source>
            <translation>À corriger : {path} : {place} {owner} ({layer}) : {text} — {reason}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacée : {path} : {layer} : {old} → {new} ({title}) ; {changes}</source>
            <translation>Remplacée : {path} : {layer} : {old} → {new} ({title}) ; {changes}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacement proposé, non appliqué : {path} : {layer} : {old} → {new} ({title}) ; {changes}</source>
            <translation>Remplacement proposé, non appliqué : {path} : {layer} : {old} → {new} ({title}) ; {changes}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacée à votre demande</source>
            <translation>Remplacée à votre demande</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Remplacement proposé, non appliqué</source>
            <translation>Remplacement proposé, non appliqué</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Références : {evidence}</source>
            <translation>Références : {evidence}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Nombre</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Produit le {generated} par {tool}</source>
            <translation>Produit le {generated} par {tool}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>simulation (--dry-run) : aucun fichier écrit</source>
            <translation>simulation (--dry-run) : aucun fichier écrit</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Fichiers</source>
            <translation>Fichiers</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Sources de données</source>
            <translation>Sources de données</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>traités</source>
            <translation>traités</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Couche</source>
            <translation>Couche</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Fournisseur</source>
            <translation>Fournisseur</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Statut</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Ancienne source → nouvelle source</source>
            <translation>Ancienne source → nouvelle source</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Motif et avertissements</source>
            <translation>Motif et avertissements</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>(identique)</source>
            <translation>(identique)</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Sortie : {path}</source>
            <translation>Sortie : {path}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Sauvegarde : {path}</source>
            <translation>Sauvegarde : {path}</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Aucune source de données.</source>
            <translation>Aucune source de données.</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Emplacement</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Texte (ancien → nouveau)</source>
            <translation>Texte (ancien → nouveau)</translation>
        </message>
        <message>
            <location filename="../../mapping/report.py" />
            <source>Adresses anciennes hors sources de données</source>
            <translation>Adresses anciennes hors sources de données</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>fichier introuvable</source>
            <translation>fichier introuvable</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>aucune sauvegarde .bak-gpf- à côté</source>
            <translation>aucune sauvegarde .bak-gpf- à côté</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>restauration impossible, fichier laissé tel quel ({detail})</source>
            <translation>restauration impossible, fichier laissé tel quel ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>aucune sauvegarde dans la table {table}</source>
            <translation>aucune sauvegarde dans la table {table}</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>restauration impossible, projet laissé tel quel ({detail})</source>
            <translation>restauration impossible, projet laissé tel quel ({detail})</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>sauvegarde incomplète ou illisible, rien n'est remis : {reason}</source>
            <translation>sauvegarde incomplète ou illisible, rien n'est remis : {reason}</translation>
        </message>
        <message>
            <location filename="../../mapping/restore.py" />
            <source>modifié depuis la bascule (ou enregistré par QGIS) : laissé tel quel</source>
            <translation>modifié depuis la bascule (ou enregistré par QGIS) : laissé tel quel</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>basculée</source>
            <translation>basculée</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>basculée, clé personnelle requise</source>
            <translation>basculée, clé personnelle requise</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>inchangée</source>
            <translation>inchangée</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>sans équivalent</source>
            <translation>sans équivalent</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>à basculer</source>
            <translation>à basculer</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>à basculer, clé personnelle requise</source>
            <translation>à basculer, clé personnelle requise</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>modifié</source>
            <translation>modifié</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>inchangé</source>
            <translation>inchangé</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>erreur</source>
            <translation>erreur</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>{switched} source(s) à basculer (dont {needs_key} avec clé personnelle requise), {unmapped} sans équivalent, {unchanged} inchangée(s)</source>
            <translation>{switched} source(s) à basculer (dont {needs_key} avec clé personnelle requise), {unmapped} sans équivalent, {unchanged} inchangée(s)</translation>
        </message>
        <message>
            <location filename="../../mapping/vocabulary.py" />
            <source>{switched} source(s) basculée(s) (dont {needs_key} avec clé personnelle requise), {unmapped} sans équivalent, {unchanged} inchangée(s)</source>
            <translation>{switched} source(s) basculée(s) (dont {needs_key} avec clé personnelle requise), {unmapped} sans équivalent, {unchanged} inchangée(s)</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>GPF Bascule — à propos</source>
            <translation>GPF Bascule — à propos</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>Comment basculer un projet Géoportail vers la Géoplateforme</source>
            <translation>Comment basculer un projet Géoportail vers la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../plugin.py" />
            <source>&lt;p&gt;&lt;b&gt;{title} {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Les anciens services Géoportail (&lt;code&gt;wxs.ign.fr&lt;/code&gt;) sont arrêtés. GPF Bascule réécrit les sources de données de vos projets QGIS (WMTS, WMS raster et vecteur, WFS, tuiles vectorielles) vers la Géoplateforme (&lt;code&gt;data.geopf.fr&lt;/code&gt;), en gardant styles, groupes et mises en page.&lt;/p&gt;&lt;p&gt;Dans le menu Internet ▸ GPF Bascule : le catalogue de la Géoplateforme, la bascule du projet ouvert, d'un dossier de projets et des connexions enregistrées. Les administrateurs ont aussi la ligne de commande, depuis le dossier de l'extension, et les traitements « Géoplateforme » :&lt;/p&gt;&lt;pre&gt;./gpf-bascule migrate projet.qgz --output-dir bascule/ --report rapport.html&lt;/pre&gt;&lt;p&gt;&lt;code&gt;--dry-run&lt;/code&gt; montre ce qui changerait sans rien écrire ; &lt;code&gt;--in-place&lt;/code&gt; réécrit les fichiers eux-mêmes, en gardant une sauvegarde à côté.&lt;/p&gt;&lt;p&gt;&lt;a href="{homepage}"&gt;{homepage}&lt;/a&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;{title} {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Les anciens services Géoportail (&lt;code&gt;wxs.ign.fr&lt;/code&gt;) sont arrêtés. GPF Bascule réécrit les sources de données de vos projets QGIS (WMTS, WMS raster et vecteur, WFS, tuiles vectorielles) vers la Géoplateforme (&lt;code&gt;data.geopf.fr&lt;/code&gt;), en gardant styles, groupes et mises en page.&lt;/p&gt;&lt;p&gt;Dans le menu Internet ▸ GPF Bascule : le catalogue de la Géoplateforme, la bascule du projet ouvert, d'un dossier de projets et des connexions enregistrées. Les administrateurs ont aussi la ligne de commande, depuis le dossier de l'extension, et les traitements « Géoplateforme » :&lt;/p&gt;&lt;pre&gt;./gpf-bascule migrate projet.qgz --output-dir bascule/ --report rapport.html&lt;/pre&gt;&lt;p&gt;&lt;code&gt;--dry-run&lt;/code&gt; montre ce qui changerait sans rien écrire ; &lt;code&gt;--in-place&lt;/code&gt; réécrit les fichiers eux-mêmes, en gardant une sauvegarde à côté.&lt;/p&gt;&lt;p&gt;&lt;a href="{homepage}"&gt;{homepage}&lt;/a&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Bascule Géoportail → Géoplateforme</source>
            <translation>Bascule Géoportail → Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers traités</source>
            <translation>Fichiers traités</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers modifiés</source>
            <translation>Fichiers modifiés</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers inchangés</source>
            <translation>Fichiers inchangés</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Fichiers en erreur</source>
            <translation>Fichiers en erreur</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources basculées (sans clé personnelle)</source>
            <translation>Sources basculées (sans clé personnelle)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources inchangées</source>
            <translation>Sources inchangées</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources sans équivalent</source>
            <translation>Sources sans équivalent</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Sources basculées, clé personnelle requise</source>
            <translation>Sources basculées, clé personnelle requise</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets remis</source>
            <translation>Projets remis</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets modifiés depuis la bascule (laissés)</source>
            <translation>Projets modifiés depuis la bascule (laissés)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets sans sauvegarde</source>
            <translation>Projets sans sauvegarde</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets en erreur</source>
            <translation>Projets en erreur</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>{} — ce champ ou le dossier ci-dessous (l'un des deux est requis)</source>
            <translation>{} — ce champ ou le dossier ci-dessous (l'un des deux est requis)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml);;Tous les fichiers et dossiers (*)</source>
            <translation>Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml);;Tous les fichiers et dossiers (*)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Dossier de projets, sous-dossiers compris — ce champ ou le précédent (l'un des deux est requis)</source>
            <translation>Dossier de projets, sous-dossiers compris — ce champ ou le précédent (l'un des deux est requis)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Donnez un fichier ou un dossier : l'un des deux champs est requis.</source>
            <translation>Donnez un fichier ou un dossier : l'un des deux champs est requis.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/base.py" />
            <source>Introuvable : {}</source>
            <translation>Introuvable : {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Catalogue de la Géoplateforme (table)</source>
            <translation>Catalogue de la Géoplateforme (table)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Une ligne par couche de la Géoplateforme : service, nom, titre, thèmes, fournisseur QGIS, source de données prête à charger, clé requise ; dans l'ordre du catalogue (titre, accents ignorés, puis service). Sans instantané donné : le plus récent entre celui fourni avec l'extension et celui de la dernière mise à jour du catalogue. Les couches de test, de démonstration ou de tutoriel peuvent être laissées de côté.</source>
            <translation>Une ligne par couche de la Géoplateforme : service, nom, titre, thèmes, fournisseur QGIS, source de données prête à charger, clé requise ; dans l'ordre du catalogue (titre, accents ignorés, puis service). Sans instantané donné : le plus récent entre celui fourni avec l'extension et celui de la dernière mise à jour du catalogue. Les couches de test, de démonstration ou de tutoriel peuvent être laissées de côté.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Instantané du catalogue (.json ou .json.gz, facultatif)</source>
            <translation>Instantané du catalogue (.json ou .json.gz, facultatif)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Instantané du catalogue (*.json *.json.gz *.gz)</source>
            <translation>Instantané du catalogue (*.json *.json.gz *.gz)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Laisser de côté les couches de test</source>
            <translation>Laisser de côté les couches de test</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>Catalogue</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <location filename="../../processing_provider/list_catalog.py" />
            <source>{} couches ; catalogue du {}</source>
            <translation>{} couches ; catalogue du {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Basculer un export de connexions</source>
            <translation>Basculer un export de connexions</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Réécrit vers la Géoplateforme les connexions WMS/WMTS, WFS, XYZ et tuiles vectorielles d'un export de connexions QGIS (.xml). Le fichier de sortie s'importe ensuite dans QGIS (Gérer les connexions ▸ Importer).</source>
            <translation>Réécrit vers la Géoplateforme les connexions WMS/WMTS, WFS, XYZ et tuiles vectorielles d'un export de connexions QGIS (.xml). Le fichier de sortie s'importe ensuite dans QGIS (Gérer les connexions ▸ Importer).</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Export de connexions QGIS</source>
            <translation>Export de connexions QGIS</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Export de connexions basculé</source>
            <translation>Export de connexions basculé</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Export de connexions QGIS (*.xml)</source>
            <translation>Export de connexions QGIS (*.xml)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_connections.py" />
            <source>Le fichier de sortie doit être différent de l'export d'origine.</source>
            <translation>Le fichier de sortie doit être différent de l'export d'origine.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Basculer des projets QGIS (fichier ou dossier)</source>
            <translation>Basculer des projets QGIS (fichier ou dossier)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Réécrit les sources Géoportail (wxs.ign.fr) d'un projet .qgs/.qgz, d'une définition de couches .qlr, d'un export de connexions .xml, ou de tous ceux d'un dossier (sous-dossiers compris), vers la Géoplateforme. Les résultats vont dans le dossier de sortie (les originaux restent intacts, les données locales liées sont copiées). Un fichier illisible est signalé dans le rapport, les autres sont traités. Donnez un fichier, un dossier (choisi avec le second champ ou saisi dans le premier), ou les deux.</source>
            <translation>Réécrit les sources Géoportail (wxs.ign.fr) d'un projet .qgs/.qgz, d'une définition de couches .qlr, d'un export de connexions .xml, ou de tous ceux d'un dossier (sous-dossiers compris), vers la Géoplateforme. Les résultats vont dans le dossier de sortie (les originaux restent intacts, les données locales liées sont copiées). Un fichier illisible est signalé dans le rapport, les autres sont traités. Donnez un fichier, un dossier (choisi avec le second champ ou saisi dans le premier), ou les deux.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Projet, définition de couches, export de connexions ou dossier</source>
            <translation>Projet, définition de couches, export de connexions ou dossier</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Dossier de sortie</source>
            <translation>Dossier de sortie</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Rapport (HTML, JSON ou CSV ; par défaut dans le dossier de sortie)</source>
            <translation>Rapport (HTML, JSON ou CSV ; par défaut dans le dossier de sortie)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Simulation : ne rien écrire d'autre que le rapport</source>
            <translation>Simulation : ne rien écrire d'autre que le rapport</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Remplacer les couches retirées par celle qui leur succède (ce que la couche montre change : style, date, échelles ; sinon le remplacement est seulement proposé dans le rapport)</source>
            <translation>Remplacer les couches retirées par celle qui leur succède (ce que la couche montre change : style, date, échelles ; sinon le remplacement est seulement proposé dans le rapport)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Annulé entre deux fichiers : le rapport ne liste que les fichiers traités.</source>
            <translation>Annulé entre deux fichiers : le rapport ne liste que les fichiers traités.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_projects.py" />
            <source>Rapport impossible à écrire : {}</source>
            <translation>Rapport impossible à écrire : {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Basculer des projets enregistrés en base (GeoPackage, PostgreSQL)</source>
            <translation>Basculer des projets enregistrés en base (GeoPackage, PostgreSQL)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Réécrit vers la Géoplateforme les sources Géoportail des projets QGIS enregistrés dans un GeoPackage (geopackage:/chemin/fichier.gpkg, ou …?projectName=nom pour un seul projet) ou dans PostgreSQL (postgresql://hôte:port?dbname=…&amp;schema=…, ou …&amp;project=nom ; service=… accepté). Les projets changent sur place, dans leur ligne : avant chaque écriture, la ligne d'origine est copiée dans la table qgis_projects_gpf_backup (même fichier ou même schéma), dans la même transaction ; la commande « gpf-bascule restore » la remet. La simulation est cochée par défaut : elle ne modifie rien et dit ce qui changerait ; décochez-la pour basculer. Le mot de passe ne s'écrit pas dans l'adresse (fichier de service, .pgpass ou PGPASSWORD). Après la bascule, rechargez QGIS Server ou Lizmap s'ils gardent les projets en cache.</source>
            <translation>Réécrit vers la Géoplateforme les sources Géoportail des projets QGIS enregistrés dans un GeoPackage (geopackage:/chemin/fichier.gpkg, ou …?projectName=nom pour un seul projet) ou dans PostgreSQL (postgresql://hôte:port?dbname=…&amp;schema=…, ou …&amp;project=nom ; service=… accepté). Les projets changent sur place, dans leur ligne : avant chaque écriture, la ligne d'origine est copiée dans la table qgis_projects_gpf_backup (même fichier ou même schéma), dans la même transaction ; la commande « gpf-bascule restore » la remet. La simulation est cochée par défaut : elle ne modifie rien et dit ce qui changerait ; décochez-la pour basculer. Le mot de passe ne s'écrit pas dans l'adresse (fichier de service, .pgpass ou PGPASSWORD). Après la bascule, rechargez QGIS Server ou Lizmap s'ils gardent les projets en cache.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Adresse des projets enregistrés (geopackage:… ou postgresql://…)</source>
            <translation>Adresse des projets enregistrés (geopackage:… ou postgresql://…)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Simulation : ne rien modifier dans la base (décocher pour basculer sur place)</source>
            <translation>Simulation : ne rien modifier dans la base (décocher pour basculer sur place)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Rapport (HTML, JSON ou CSV)</source>
            <translation>Rapport (HTML, JSON ou CSV)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Simulation sur {}</source>
            <translation>Simulation sur {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Bascule sur place de {}</source>
            <translation>Bascule sur place de {}</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Annulé entre deux projets : les projets déjà traités restent basculés, chacun avec sa sauvegarde.</source>
            <translation>Annulé entre deux projets : les projets déjà traités restent basculés, chacun avec sa sauvegarde.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/migrate_stored_projects.py" />
            <source>Simulation : rien n'a été modifié. Décochez « Simulation » pour basculer.</source>
            <translation>Simulation : rien n'a été modifié. Décochez « Simulation » pour basculer.</translation>
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
            <translation>Annuler une bascule sur place (remettre les sauvegardes)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Remet, pour chaque projet (ou chaque projet d'un dossier), la sauvegarde .bak-gpf-DATE la plus récente qu'une bascule sur place a laissée à côté. Un projet modifié depuis la bascule (ou enregistré par QGIS) est laissé tel quel, sauf si « Remettre aussi les projets modifiés » est coché : il est alors gardé à côté (.bak-gpf-avant-restauration-DATE). Pour des projets enregistrés dans un GeoPackage ou dans PostgreSQL, donnez leur adresse (geopackage:… ou postgresql://…) : la dernière sauvegarde de chaque projet est reprise de la table qgis_projects_gpf_backup, à la même condition.</source>
            <translation>Remet, pour chaque projet (ou chaque projet d'un dossier), la sauvegarde .bak-gpf-DATE la plus récente qu'une bascule sur place a laissée à côté. Un projet modifié depuis la bascule (ou enregistré par QGIS) est laissé tel quel, sauf si « Remettre aussi les projets modifiés » est coché : il est alors gardé à côté (.bak-gpf-avant-restauration-DATE). Pour des projets enregistrés dans un GeoPackage ou dans PostgreSQL, donnez leur adresse (geopackage:… ou postgresql://…) : la dernière sauvegarde de chaque projet est reprise de la table qgis_projects_gpf_backup, à la même condition.</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Projet basculé sur place, ou dossier</source>
            <translation>Projet basculé sur place, ou dossier</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Ou projets enregistrés en base (geopackage:… ou postgresql://…)</source>
            <translation>Ou projets enregistrés en base (geopackage:… ou postgresql://…)</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Remettre aussi les projets modifiés depuis la bascule</source>
            <translation>Remettre aussi les projets modifiés depuis la bascule</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>Simulation : ne rien écrire</source>
            <translation>Simulation : ne rien écrire</translation>
        </message>
        <message>
            <location filename="../../processing_provider/restore_backups.py" />
            <source>{path} : remis depuis {backup}</source>
            <translation>{path} : remis depuis {backup}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer vers la Géoplateforme…</source>
            <translation>Basculer vers la Géoplateforme…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Faire pointer les couches Géoportail du projet ouvert vers la Géoplateforme</source>
            <translation>Faire pointer les couches Géoportail du projet ouvert vers la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer les connexions enregistrées…</source>
            <translation>Basculer les connexions enregistrées…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Réécrire vers la Géoplateforme les connexions WMS, WFS, XYZ et tuiles vectorielles qui pointent vers les anciens services Géoportail</source>
            <translation>Réécrire vers la Géoplateforme les connexions WMS, WFS, XYZ et tuiles vectorielles qui pointent vers les anciens services Géoportail</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer un dossier de projets…</source>
            <translation>Basculer un dossier de projets…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_actions.py" />
            <source>Basculer vers la Géoplateforme tous les projets QGIS d'un dossier, avec un rapport</source>
            <translation>Basculer vers la Géoplateforme tous les projets QGIS d'un dossier, avec un rapport</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{names} … et {count} autres</source>
            <translation>{names} … et {count} autres</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tuiles vectorielles</source>
            <translation>Tuiles vectorielles</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Fichier</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Basculer le projet vers la Géoplateforme</source>
            <translation>Basculer le projet vers la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Les anciens services Géoportail (wxs.ign.fr) sont arrêtés. Les couches cochées passeront sur la Géoplateforme (data.geopf.fr) en gardant style, étiquettes, filtres et place dans l'arbre ; une copie du fichier du projet sera faite avant le prochain enregistrement.</source>
            <translation>Les anciens services Géoportail (wxs.ign.fr) sont arrêtés. Les couches cochées passeront sur la Géoplateforme (data.geopf.fr) en gardant style, étiquettes, filtres et place dans l'arbre ; une copie du fichier du projet sera faite avant le prochain enregistrement.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Filtrer par nom de couche, service ou source…</source>
            <translation>Filtrer par nom de couche, service ou source…</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tous les états</source>
            <translation>Tous les états</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>État</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source actuelle</source>
            <translation>Source actuelle</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Nouvelle source</source>
            <translation>Nouvelle source</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Avertissements</source>
            <translation>Avertissements</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tout cocher</source>
            <translation>Tout cocher</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Tout décocher</source>
            <translation>Tout décocher</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Appliquer</source>
            <translation>Appliquer</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Annuler la bascule</source>
            <translation>Annuler la bascule</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remet les sources d'avant la dernière bascule appliquée</source>
            <translation>Remet les sources d'avant la dernière bascule appliquée</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Fermer</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Le projet ne contient aucune couche.</source>
            <translation>Le projet ne contient aucune couche.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remplacement proposé, clé personnelle requise</source>
            <translation>Remplacement proposé, clé personnelle requise</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remplacement proposé</source>
            <translation>Remplacement proposé</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Remplacer par « {title} » ({layer})</source>
            <translation>Remplacer par « {title} » ({layer})</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Ce qui change : {changes}
Source de la correspondance : {evidence}</source>
            <translation>Ce qui change : {changes}
Source de la correspondance : {evidence}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Séparer en {count} couches, une par sous-couche</source>
            <translation>Séparer en {count} couches, une par sous-couche</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Séparation proposée</source>
            <translation>Séparation proposée</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la Géoplateforme sert au plus {max} couches par requête : une couche QGIS par sous-couche, même groupe, même style</source>
            <translation>la Géoplateforme sert au plus {max} couches par requête : une couche QGIS par sous-couche, même groupe, même style</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Après la bascule, la couche est remplacée par une couche par sous-couche ; « Annuler la bascule » remet la couche d'origine.</source>
            <translation>Après la bascule, la couche est remplacée par une couche par sous-couche ; « Annuler la bascule » remet la couche d'origine.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{total} couches : {sources} ; {unavailable} ne se chargent pas actuellement (icône d'alerte).</source>
            <translation>{total} couches : {sources} ; {unavailable} ne se chargent pas actuellement (icône d'alerte).</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Sous-couches : {names}</source>
            <translation>Sous-couches : {names}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source actuelle :</source>
            <translation>Source actuelle :</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Nouvelle source :</source>
            <translation>Nouvelle source :</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>remplacement proposé, appliqué seulement si vous le cochez</source>
            <translation>remplacement proposé, appliqué seulement si vous le cochez</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Proposition : « {title} » ({layer}, {service})</source>
            <translation>Proposition : « {title} » ({layer}, {service})</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Ce qui change : {changes}</source>
            <translation>Ce qui change : {changes}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source de la correspondance : {evidence}</source>
            <translation>Source de la correspondance : {evidence}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Source proposée :</source>
            <translation>Source proposée :</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la couche ne se charge pas actuellement (Géoplateforme injoignable ? réseau, proxy ?)</source>
            <translation>la couche ne se charge pas actuellement (Géoplateforme injoignable ? réseau, proxy ?)</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la couche ne se charge pas actuellement (ancien service Géoportail arrêté)</source>
            <translation>la couche ne se charge pas actuellement (ancien service Géoportail arrêté)</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>la couche ne se charge pas actuellement (service injoignable ?)</source>
            <translation>la couche ne se charge pas actuellement (service injoignable ?)</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Bascule des couches… {done}/{total}</source>
            <translation>Bascule des couches… {done}/{total}</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Interrompre</source>
            <translation>Interrompre</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Bascule annulée : {count} couche(s) remise(s) sur leur ancienne source.</source>
            <translation>Bascule annulée : {count} couche(s) remise(s) sur leur ancienne source.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Bascule interrompue : {done} couche(s) basculée(s) sur {total} ; « Annuler la bascule » les remet.</source>
            <translation>Bascule interrompue : {done} couche(s) basculée(s) sur {total} ; « Annuler la bascule » les remet.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{count} couche(s) basculée(s) vers la Géoplateforme.</source>
            <translation>{count} couche(s) basculée(s) vers la Géoplateforme.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Dont {count} avec clé personnelle cartes.gouv.fr requise.</source>
            <translation>Dont {count} avec clé personnelle cartes.gouv.fr requise.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Dont {count} remplacée(s) à votre demande.</source>
            <translation>Dont {count} remplacée(s) à votre demande.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>{count} couche(s) séparée(s) en une couche par sous-couche ({made} couches).</source>
            <translation>{count} couche(s) séparée(s) en une couche par sous-couche ({made} couches).</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Ne répond(ent) pas encore : {names}.</source>
            <translation>Ne répond(ent) pas encore : {names}.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Modifiée(s) depuis l'analyse, non basculée(s) : {names}.</source>
            <translation>Modifiée(s) depuis l'analyse, non basculée(s) : {names}.</translation>
        </message>
        <message>
            <location filename="../../ui/bascule_dialog.py" />
            <source>Enregistrez le projet pour garder la bascule (une copie de l'ancien fichier sera faite).</source>
            <translation>Enregistrez le projet pour garder la bascule (une copie de l'ancien fichier sera faite).</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Donnée sous licence : clé cartes.gouv.fr nécessaire</source>
            <translation>Donnée sous licence : clé cartes.gouv.fr nécessaire</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>{hidden} couches de test masquées</source>
            <translation>{hidden} couches de test masquées</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Couches de test, de démonstration ou de tutoriel : clic droit ▸ Afficher les couches de test</source>
            <translation>Couches de test, de démonstration ou de tutoriel : clic droit ▸ Afficher les couches de test</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Couches de la Géoplateforme de l'IGN (data.geopf.fr)</source>
            <translation>Couches de la Géoplateforme de l'IGN (data.geopf.fr)</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Par thème</source>
            <translation>Par thème</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Par service</source>
            <translation>Par service</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Ajouter à la carte</source>
            <translation>Ajouter à la carte</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Copier l'URI</source>
            <translation>Copier l'URI</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Copie la source de données QGIS de la couche</source>
            <translation>Copie la source de données QGIS de la couche</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Métadonnées</source>
            <translation>Métadonnées</translation>
        </message>
        <message>
            <location filename="../../ui/browser.py" />
            <source>Afficher les couches de test</source>
            <translation>Afficher les couches de test</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Rechercher : bâti 2154, ortho 1950…</source>
            <translation>Rechercher : bâti 2154, ortho 1950…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Tous les mots doivent figurer dans le titre, le nom technique, le thème, le service ou la projection ; accents et majuscules sont ignorés.</source>
            <translation>Tous les mots doivent figurer dans le titre, le nom technique, le thème, le service ou la projection ; accents et majuscules sont ignorés.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Basculer le projet…</source>
            <translation>Basculer le projet…</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Données libres uniquement</source>
            <translation>Données libres uniquement</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Masquer les couches sous licence, qui demandent une clé cartes.gouv.fr</source>
            <translation>Masquer les couches sous licence, qui demandent une clé cartes.gouv.fr</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Couches de test, de démonstration ou de tutoriel publiées sur la Géoplateforme : masquées par défaut</source>
            <translation>Couches de test, de démonstration ou de tutoriel publiées sur la Géoplateforme : masquées par défaut</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Ajouter les couches sélectionnées au projet (ou double-clic, ou Entrée ; vous pouvez aussi les glisser sur la carte)</source>
            <translation>Ajouter les couches sélectionnées au projet (ou double-clic, ou Entrée ; vous pouvez aussi les glisser sur la carte)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Copier la source de données QGIS de la couche dans le presse-papiers</source>
            <translation>Copier la source de données QGIS de la couche dans le presse-papiers</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Réessayer</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Effacer la recherche</source>
            <translation>Effacer la recherche</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Afficher aussi les données sous licence</source>
            <translation>Afficher aussi les données sous licence</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{total} couches</source>
            <translation>{total} couches</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{count} couches sur {total}</source>
            <translation>{count} couches sur {total}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Catalogue du {date}</source>
            <translation>Catalogue du {date}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Catalogue indisponible</source>
            <translation>Catalogue indisponible</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Le catalogue de la Géoplateforme n'a pas pu être chargé, il n'y a donc aucune couche à afficher.</source>
            <translation>Le catalogue de la Géoplateforme n'a pas pu être chargé, il n'y a donc aucune couche à afficher.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Raison : {reason}</source>
            <translation>Raison : {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Réessayez ; si le problème persiste, réinstallez l'extension GPF Bascule depuis le gestionnaire d'extensions.</source>
            <translation>Réessayez ; si le problème persiste, réinstallez l'extension GPF Bascule depuis le gestionnaire d'extensions.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Aucune couche ne correspond à « {text} »</source>
            <translation>Aucune couche ne correspond à « {text} »</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Aucune couche libre à afficher</source>
            <translation>Aucune couche libre à afficher</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>retirez un mot : toutes les couches affichées doivent contenir chacun d'eux</source>
            <translation>retirez un mot : toutes les couches affichées doivent contenir chacun d'eux</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>essayez un mot plus court ou une autre orthographe (bati, ortho, parcelle…)</source>
            <translation>essayez un mot plus court ou une autre orthographe (bati, ortho, parcelle…)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>décochez « Données libres uniquement » pour voir aussi les couches sous licence</source>
            <translation>décochez « Données libres uniquement » pour voir aussi les couches sous licence</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{n} couches de test masquées correspondent : cochez « Afficher les couches de test »</source>
            <translation>{n} couches de test masquées correspondent : cochez « Afficher les couches de test »</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Ouvrez le groupe et sélectionnez une couche pour voir sa description.</source>
            <translation>Ouvrez le groupe et sélectionnez une couche pour voir sa description.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Sélectionnez une couche pour voir sa description ; double-cliquez ou glissez-la sur la carte pour l'ajouter.</source>
            <translation>Sélectionnez une couche pour voir sa description ; double-cliquez ou glissez-la sur la carte pour l'ajouter.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Source de données copiée : {title}</source>
            <translation>Source de données copiée : {title}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>{n} sources de données copiées</source>
            <translation>{n} sources de données copiées</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Ouvrir la fiche de métadonnées</source>
            <translation>Ouvrir la fiche de métadonnées</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Nom technique</source>
            <translation>Nom technique</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Thèmes</source>
            <translation>Thèmes</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Projection</source>
            <translation>Projection</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>fiche de métadonnées</source>
            <translation>fiche de métadonnées</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Donnée sous licence : une clé personnelle cartes.gouv.fr est nécessaire pour l'afficher.</source>
            <translation>Donnée sous licence : une clé personnelle cartes.gouv.fr est nécessaire pour l'afficher.</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_dock.py" />
            <source>Catalogue de la Géoplateforme : rechercher et ajouter des couches IGN</source>
            <translation>Catalogue de la Géoplateforme : rechercher et ajouter des couches IGN</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>fr</source>
            <translation>fr</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>WMTS (tuiles raster)</source>
            <translation>WMTS (tuiles raster)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>WFS (objets vecteur)</source>
            <translation>WFS (objets vecteur)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>Tuiles vectorielles (TMS)</source>
            <translation>Tuiles vectorielles (TMS)</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>{label} : {count} couches</source>
            <translation>{label} : {count} couches</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>{label} : {count} couches sur {total}</source>
            <translation>{label} : {count} couches sur {total}</translation>
        </message>
        <message>
            <location filename="../../ui/catalog_model.py" />
            <source>Clé personnelle cartes.gouv.fr nécessaire</source>
            <translation>Clé personnelle cartes.gouv.fr nécessaire</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne source</source>
            <translation>Ancienne source</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne source :</source>
            <translation>Ancienne source :</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Basculer les connexions enregistrées</source>
            <translation>Basculer les connexions enregistrées</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Connexion</source>
            <translation>Connexion</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne adresse</source>
            <translation>Ancienne adresse</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Nouvelle adresse</source>
            <translation>Nouvelle adresse</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Basculer la sélection</source>
            <translation>Basculer la sélection</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ajouter les connexions officielles</source>
            <translation>Ajouter les connexions officielles</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>WMTS, WMS raster, WMS vecteur, WFS et tuiles vectorielles PLAN.IGN de la Géoplateforme</source>
            <translation>WMTS, WMS raster, WMS vecteur, WFS et tuiles vectorielles PLAN.IGN de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Supprimer la sélection…</source>
            <translation>Supprimer la sélection…</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>{count} connexion(s) enregistrée(s) pointent vers les anciens services Géoportail, arrêtés. Cochez celles à basculer vers la Géoplateforme : elles gardent leur nom.</source>
            <translation>{count} connexion(s) enregistrée(s) pointent vers les anciens services Géoportail, arrêtés. Cochez celles à basculer vers la Géoplateforme : elles gardent leur nom.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Aucune connexion enregistrée ne pointe vers les anciens services Géoportail.</source>
            <translation>Aucune connexion enregistrée ne pointe vers les anciens services Géoportail.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Les adresses sont affichées sans clé ni mot de passe. Rien n'est supprimé sans votre accord.</source>
            <translation>Les adresses sont affichées sans clé ni mot de passe. Rien n'est supprimé sans votre accord.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>identifiants retirés : inutiles sur les services libres de la Géoplateforme</source>
            <translation>identifiants retirés : inutiles sur les services libres de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Ancienne adresse : {url}</source>
            <translation>Ancienne adresse : {url}</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Nouvelle adresse : {url}</source>
            <translation>Nouvelle adresse : {url}</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>{count} connexion(s) basculée(s) vers la Géoplateforme.</source>
            <translation>{count} connexion(s) basculée(s) vers la Géoplateforme.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Connexions ajoutées : {names}.</source>
            <translation>Connexions ajoutées : {names}.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Les connexions officielles de la Géoplateforme sont déjà présentes.</source>
            <translation>Les connexions officielles de la Géoplateforme sont déjà présentes.</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Supprimer des connexions</source>
            <translation>Supprimer des connexions</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>Supprimer définitivement {count} connexion(s) enregistrée(s) ?</source>
            <translation>Supprimer définitivement {count} connexion(s) enregistrée(s) ?</translation>
        </message>
        <message>
            <location filename="../../ui/connections_dialog.py" />
            <source>{count} connexion(s) supprimée(s).</source>
            <translation>{count} connexion(s) supprimée(s).</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Basculer un dossier de projets</source>
            <translation>Basculer un dossier de projets</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Projets à basculer (.qgs, .qgz, .qlr, exports de connexions .xml)</source>
            <translation>Projets à basculer (.qgs, .qgz, .qlr, exports de connexions .xml)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Un dossier (sous-dossiers compris)</source>
            <translation>Un dossier (sous-dossiers compris)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Des fichiers</source>
            <translation>Des fichiers</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Des projets enregistrés dans un GeoPackage ou dans PostgreSQL (basculés sur place)</source>
            <translation>Des projets enregistrés dans un GeoPackage ou dans PostgreSQL (basculés sur place)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml)</source>
            <translation>Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>geopackage:/chemin/projets.gpkg ou postgresql://hôte:5432?dbname=…&amp;schema=…[&amp;project=…]</source>
            <translation>geopackage:/chemin/projets.gpkg ou postgresql://hôte:5432?dbname=…&amp;schema=…[&amp;project=…]</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Tous les projets du GeoPackage ou du schéma, ou un seul (?projectName=… pour un GeoPackage, &amp;project=… pour PostgreSQL). Pas de mot de passe : fichier de service (service=…), .pgpass ou PGPASSWORD.</source>
            <translation>Tous les projets du GeoPackage ou du schéma, ou un seul (?projectName=… pour un GeoPackage, &amp;project=… pour PostgreSQL). Pas de mot de passe : fichier de service (service=…), .pgpass ou PGPASSWORD.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>GeoPackage…</source>
            <translation>GeoPackage…</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Où écrire les projets basculés</source>
            <translation>Où écrire les projets basculés</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>À côté des originaux (avec sauvegarde)</source>
            <translation>À côté des originaux (avec sauvegarde)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Dans un dossier de sortie (originaux intacts)</source>
            <translation>Dans un dossier de sortie (originaux intacts)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Restaurer les originaux d'une bascule sur place…</source>
            <translation>Restaurer les originaux d'une bascule sur place…</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Remettre les sauvegardes .bak-gpf-DATE qu'une bascule sur place a laissées (outil Processing, avec aperçu), dans le dossier choisi ci-dessus</source>
            <translation>Remettre les sauvegardes .bak-gpf-DATE qu'une bascule sur place a laissées (outil Processing, avec aperçu), dans le dossier choisi ci-dessus</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Basculer</source>
            <translation>Basculer</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>GeoPackage contenant des projets QGIS</source>
            <translation>GeoPackage contenant des projets QGIS</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>GeoPackage (*.gpkg);;Tous les fichiers (*)</source>
            <translation>GeoPackage (*.gpkg);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Sur place, dans la base (avec sauvegarde de la ligne)</source>
            <translation>Sur place, dans la base (avec sauvegarde de la ligne)</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Choisissez un dossier ou des fichiers à basculer.</source>
            <translation>Choisissez un dossier ou des fichiers à basculer.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Choisissez le dossier de sortie.</source>
            <translation>Choisissez le dossier de sortie.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Le dossier de sortie ne peut pas être dans le dossier à basculer.</source>
            <translation>Le dossier de sortie ne peut pas être dans le dossier à basculer.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Simulation : rien n'est modifié dans la base, seul le rapport est écrit.</source>
            <translation>Simulation : rien n'est modifié dans la base, seul le rapport est écrit.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Les projets changent sur place, dans leur ligne : la ligne d'origine est d'abord copiée dans la table qgis_projects_gpf_backup (même fichier ou même schéma), dans la même transaction ; « gpf-bascule restore » la remet. Rechargez QGIS Server ou Lizmap ensuite s'ils gardent les projets en cache.</source>
            <translation>Les projets changent sur place, dans leur ligne : la ligne d'origine est d'abord copiée dans la table qgis_projects_gpf_backup (même fichier ou même schéma), dans la même transaction ; « gpf-bascule restore » la remet. Rechargez QGIS Server ou Lizmap ensuite s'ils gardent les projets en cache.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Simulation : seul le rapport sera écrit.</source>
            <translation>Simulation : seul le rapport sera écrit.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Chaque fichier modifié garde une sauvegarde .bak-gpf-DATE à côté de lui.</source>
            <translation>Chaque fichier modifié garde une sauvegarde .bak-gpf-DATE à côté de lui.</translation>
        </message>
        <message>
            <location filename="../../ui/folder_dialog.py" />
            <source>Les originaux restent intacts ; les données locales liées sont copiées.</source>
            <translation>Les originaux restent intacts ; les données locales liées sont copiées.</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Clé cartes.gouv.fr</source>
            <translation>Clé cartes.gouv.fr</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Les couches sous licence (SCAN 25, SCAN 100, carte OACI) sont servies par &lt;code&gt;data.geopf.fr/private&lt;/code&gt; et demandent votre clé personnelle, à créer sur &lt;a href="https://cartes.gouv.fr"&gt;cartes.gouv.fr&lt;/a&gt;. Les anciennes clés Géoportail ne fonctionnent plus.&lt;br&gt;&lt;br&gt;La clé est gardée chiffrée dans la base d'authentification de QGIS (mot de passe principal), jamais dans le projet ni dans les paramètres.</source>
            <translation>Les couches sous licence (SCAN 25, SCAN 100, carte OACI) sont servies par &lt;code&gt;data.geopf.fr/private&lt;/code&gt; et demandent votre clé personnelle, à créer sur &lt;a href="https://cartes.gouv.fr"&gt;cartes.gouv.fr&lt;/a&gt;. Les anciennes clés Géoportail ne fonctionnent plus.&lt;br&gt;&lt;br&gt;La clé est gardée chiffrée dans la base d'authentification de QGIS (mot de passe principal), jamais dans le projet ni dans les paramètres.</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Votre clé cartes.gouv.fr</source>
            <translation>Votre clé cartes.gouv.fr</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Enregistrer la clé</source>
            <translation>Enregistrer la clé</translation>
        </message>
        <message>
            <location filename="../../ui/key_dialog.py" />
            <source>Annuler</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>fournisseur QGIS inconnu « {provider} » pour {name}</source>
            <translation>fournisseur QGIS inconnu « {provider} » pour {name}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Style de « {title} » non appliqué ({url}) : {reason}</source>
            <translation>Style de « {title} » non appliqué ({url}) : {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>valide</source>
            <translation>valide</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>invalide</source>
            <translation>invalide</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>entrée du catalogue {name} ({service}) : couche {kind}, fournisseur {key}, {state}</source>
            <translation>entrée du catalogue {name} ({service}) : couche {kind}, fournisseur {key}, {state}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Fiche de métadonnées</source>
            <translation>Fiche de métadonnées</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Couche non ajoutée</source>
            <translation>Couche non ajoutée</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>le service n'a pas répondu</source>
            <translation>le service n'a pas répondu</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>{name} : le fournisseur a répondu : {line}</source>
            <translation>{name} : le fournisseur a répondu : {line}</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>« {title} » n'a pas pu être chargée depuis la Géoplateforme ({service}) : {reason}. Vérifiez votre connexion (et le proxy dans Préférences → Réseau).</source>
            <translation>« {title} » n'a pas pu être chargée depuis la Géoplateforme ({service}) : {reason}. Vérifiez votre connexion (et le proxy dans Préférences → Réseau).</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Donnée sous licence</source>
            <translation>Donnée sous licence</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>« {title} » est une donnée sous licence : votre clé cartes.gouv.fr enregistrée est utilisée (elle reste dans la base d'authentification de QGIS).</source>
            <translation>« {title} » est une donnée sous licence : votre clé cartes.gouv.fr enregistrée est utilisée (elle reste dans la base d'authentification de QGIS).</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Couche ajoutée : {title} ({name}, {service})</source>
            <translation>Couche ajoutée : {title} ({name}, {service})</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>Clé cartes.gouv.fr nécessaire</source>
            <translation>Clé cartes.gouv.fr nécessaire</translation>
        </message>
        <message>
            <location filename="../../ui/layer_loader.py" />
            <source>« {title} » est une donnée sous licence : elle ne s'affiche qu'avec une clé personnelle cartes.gouv.fr. Créez votre clé sur cartes.gouv.fr, puis saisissez-la ici : elle sera gardée dans la base d'authentification de QGIS.</source>
            <translation>« {title} » est une donnée sous licence : elle ne s'affiche qu'avec une clé personnelle cartes.gouv.fr. Créez votre clé sur cartes.gouv.fr, puis saisissez-la ici : elle sera gardée dans la base d'authentification de QGIS.</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Couches de la Géoplateforme</source>
            <translation>Couches de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Ajoute une couche de la Géoplateforme (data.geopf.fr) à la carte</source>
            <translation>Ajoute une couche de la Géoplateforme (data.geopf.fr) à la carte</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>clé cartes.gouv.fr nécessaire</source>
            <translation>clé cartes.gouv.fr nécessaire</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>{hidden} couches de test masquées correspondent</source>
            <translation>{hidden} couches de test masquées correspondent</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Choisir pour afficher les couches de test (catalogue, Explorateur, recherche)</source>
            <translation>Choisir pour afficher les couches de test (catalogue, Explorateur, recherche)</translation>
        </message>
        <message>
            <location filename="../../ui/locator.py" />
            <source>Couches de test</source>
            <translation>Couches de test</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>WFS (données vecteur)</source>
            <translation>WFS (données vecteur)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Liste des services et thèmes</source>
            <translation>Liste des services et thèmes</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Débogage (tout)</source>
            <translation>Débogage (tout)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Informations</source>
            <translation>Informations</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Avertissements seulement</source>
            <translation>Avertissements seulement</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>raison inconnue</source>
            <translation>raison inconnue</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Catalogue de la Géoplateforme</source>
            <translation>Catalogue de la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Adresses lues à chaque mise à jour du catalogue. Les valeurs par défaut sont celles de &lt;code&gt;data.geopf.fr&lt;/code&gt; ; ne les changez que pour un miroir de votre organisation.</source>
            <translation>Adresses lues à chaque mise à jour du catalogue. Les valeurs par défaut sont celles de &lt;code&gt;data.geopf.fr&lt;/code&gt; ; ne les changez que pour un miroir de votre organisation.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Rétablir les adresses par défaut</source>
            <translation>Rétablir les adresses par défaut</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>24 h = une fois par jour ; 168 h = une fois par semaine.</source>
            <translation>24 h = une fois par jour ; 168 h = une fois par semaine.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mise à jour automatique toutes les</source>
            <translation>Mise à jour automatique toutes les</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mettre à jour maintenant</source>
            <translation>Mettre à jour maintenant</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Catalogue en service</source>
            <translation>Catalogue en service</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Dernière tentative</source>
            <translation>Dernière tentative</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Bascule à l'ouverture des projets</source>
            <translation>Bascule à l'ouverture des projets</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Rediriger les couches Géoportail vers la Géoplateforme à l'ouverture d'un projet</source>
            <translation>Rediriger les couches Géoportail vers la Géoplateforme à l'ouverture d'un projet</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Les anciennes couches (wxs.ign.fr) s'ouvrent depuis data.geopf.fr ; le fichier du projet n'est modifié que si vous l'enregistrez.</source>
            <translation>Les anciennes couches (wxs.ign.fr) s'ouvrent depuis data.geopf.fr ; le fichier du projet n'est modifié que si vous l'enregistrez.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Clé cartes.gouv.fr (couches sous licence : SCAN 25, SCAN 100, OACI)</source>
            <translation>Clé cartes.gouv.fr (couches sous licence : SCAN 25, SCAN 100, OACI)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Oublier la clé</source>
            <translation>Oublier la clé</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Réseau et journal</source>
            <translation>Réseau et journal</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Configuration d'authentification QGIS pour un miroir qui en demande une (aucune : accès public). Le proxy de QGIS s'applique toujours.</source>
            <translation>Configuration d'authentification QGIS pour un miroir qui en demande une (aucune : accès public). Le proxy de QGIS s'applique toujours.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Configuration d'authentification QGIS</source>
            <translation>Configuration d'authentification QGIS</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Niveau du journal</source>
            <translation>Niveau du journal</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Fixé par la variable d'environnement {variable} (déploiement de votre organisation).</source>
            <translation>Fixé par la variable d'environnement {variable} (déploiement de votre organisation).</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>activée</source>
            <translation>activée</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>désactivée</source>
            <translation>désactivée</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>options enregistrées ; niveau du journal {level}, redirection à l'ouverture {redirect}</source>
            <translation>options enregistrées ; niveau du journal {level}, redirection à l'ouverture {redirect}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mise à jour en cours (voir la barre des tâches de QGIS)…</source>
            <translation>Mise à jour en cours (voir la barre des tâches de QGIS)…</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Mise à jour interrompue : {reason}</source>
            <translation>Mise à jour interrompue : {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>date inconnue</source>
            <translation>date inconnue</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>fourni avec l'extension</source>
            <translation>fourni avec l'extension</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>téléchargé depuis la Géoplateforme</source>
            <translation>téléchargé depuis la Géoplateforme</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>du {date} ({origin}, {count} couches)</source>
            <translation>du {date} ({origin}, {count} couches)</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>aucune depuis l'installation</source>
            <translation>aucune depuis l'installation</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>échouée : {reason}</source>
            <translation>échouée : {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>(nouvel essai automatique après {date})</source>
            <translation>(nouvel essai automatique après {date})</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>réussie</source>
            <translation>réussie</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>{date}, {outcome}</source>
            <translation>{date}, {outcome}</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Une clé est enregistrée, chiffrée, dans la base d'authentification de QGIS.</source>
            <translation>Une clé est enregistrée, chiffrée, dans la base d'authentification de QGIS.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Aucune clé enregistrée. Elle n'est utile que pour les couches sous licence.</source>
            <translation>Aucune clé enregistrée. Elle n'est utile que pour les couches sous licence.</translation>
        </message>
        <message>
            <location filename="../../ui/options_page.py" />
            <source>Remplacer la clé…</source>
            <translation>Remplacer la clé…</translation>
        </message>
    </context>
</TS>
