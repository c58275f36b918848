-- The demo tenants' asset trees (after R__demo_tenants: repeatable migrations run in the order of their names),
-- added once: a tenant that has assets already (the demo's own, or ones added since) is left alone.
INSERT INTO asset (tenant_id, parent_id, kind, name, created_at)
SELECT t.id, NULL, 'SITE', s.name, CURRENT_TIMESTAMP
FROM tenant t
JOIN (VALUES ('acme', 'Oulu headquarters'), ('acme', 'Helsinki office'), ('borealis', 'Stockholm store'))
    AS s (slug, name) ON s.slug = t.slug
WHERE NOT EXISTS (SELECT 1 FROM asset a WHERE a.tenant_id = t.id);

INSERT INTO asset (tenant_id, parent_id, kind, name, created_at)
SELECT site.tenant_id, site.id, 'BUILDING', b.name, CURRENT_TIMESTAMP
FROM asset site
JOIN (VALUES ('Oulu headquarters', 'Building A'), ('Oulu headquarters', 'Building B'),
             ('Helsinki office', 'Main building'), ('Stockholm store', 'Store'))
    AS b (site, name) ON b.site = site.name
WHERE site.kind = 'SITE'
  AND NOT EXISTS (SELECT 1 FROM asset child WHERE child.parent_id = site.id);

INSERT INTO asset (tenant_id, parent_id, kind, name, created_at)
SELECT building.tenant_id, building.id, 'FLOOR', f.name, CURRENT_TIMESTAMP
FROM asset building
JOIN (VALUES ('Building A', 'Floor 1'), ('Building A', 'Floor 2'), ('Building B', 'Basement'),
             ('Main building', 'Floor 3'), ('Store', 'Ground floor'))
    AS f (building, name) ON f.building = building.name
WHERE building.kind = 'BUILDING'
  AND NOT EXISTS (SELECT 1 FROM asset child WHERE child.parent_id = building.id);

INSERT INTO asset (tenant_id, parent_id, kind, name, created_at)
SELECT floor.tenant_id, floor.id, 'SPACE', s.name, CURRENT_TIMESTAMP
FROM asset floor
JOIN asset building ON building.id = floor.parent_id
JOIN (VALUES ('Building A', 'Floor 1', 'Lobby'), ('Building A', 'Floor 1', 'Meeting room 1.04'),
             ('Building A', 'Floor 2', 'Open office'), ('Building A', 'Floor 2', 'Meeting room 2.14'),
             ('Building B', 'Basement', 'Server room'), ('Building B', 'Basement', 'Storage'),
             ('Main building', 'Floor 3', 'Kitchen'), ('Store', 'Ground floor', 'Cold room'))
    AS s (building, floor, name) ON s.building = building.name AND s.floor = floor.name
WHERE floor.kind = 'FLOOR'
  AND NOT EXISTS (SELECT 1 FROM asset child WHERE child.parent_id = floor.id);
