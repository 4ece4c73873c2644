/** Pages of a list, as every list of the platform is returned: items, page number, size, total. */
package dev.switchboard.platform.paging;
