/**
 * The WordPress channel's simulator under {@code /sandbox/wordpress}: two sites (pretty
 * and plain permalinks) that answer as current WordPress does, so sandbox runs exercise
 * the same client code as live runs. Active in sandbox mode only.
 */
package vn.loa.channels.wordpress.sandbox;
