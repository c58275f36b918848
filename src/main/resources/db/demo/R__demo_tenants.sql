-- The demo's two customer organisations; their users live in the demo identity provider.
INSERT INTO tenant (slug, name, default_country, created_at)
SELECT 'acme', 'Acme Facilities', 'fi', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE slug = 'acme');

INSERT INTO tenant (slug, name, default_country, created_at)
SELECT 'borealis', 'Borealis Retail', 'se', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE slug = 'borealis');
