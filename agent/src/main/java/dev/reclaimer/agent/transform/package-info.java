/**
 * The bytecode rewriting: which methods get which role (annotations, selectors, inheritance), the
 * advice inlined into them, and how it is applied: at class loading after {@code premain}, a
 * constant-pool pre-filter and then ByteBuddy's redefinition of each class it admits; after an
 * attach, ByteBuddy's agent builder, which also retransforms the classes already loaded.
 */
package dev.reclaimer.agent.transform;
