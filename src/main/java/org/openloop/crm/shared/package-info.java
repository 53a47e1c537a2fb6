/**
 * Shared kernel: value types, annotations and framework-neutral helpers every module may use. Holds no beans.
 */
package org.openloop.crm.shared;
