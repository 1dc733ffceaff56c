-- The seeded FAQ named the documents button as it was first drafted; the chat calls it
-- "📁 Mis documentos". Entries staff already rewrote are left alone.
UPDATE faq_entry SET answer = REPLACE(answer, '«Mi documentación»', '«📁 Mis documentos»')
WHERE answer LIKE '%«Mi documentación»%';

UPDATE faq_entry SET answer = REPLACE(answer, 'botón «Holded»', 'botón «📊 Mi panel de Holded»')
WHERE answer LIKE '%botón «Holded»%';
