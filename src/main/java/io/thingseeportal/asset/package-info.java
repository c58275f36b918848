/**
 * A tenant's assets: the places where sensors are mounted, a tree of site, building, floor and space. Installers pick
 * one (or add one) for each installation; admins keep the tree.
 */
@NullMarked
package io.thingseeportal.asset;

import org.jspecify.annotations.NullMarked;
