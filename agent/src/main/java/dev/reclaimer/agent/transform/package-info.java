/**
 * The bytecode rewriting: which methods get which role (annotations, selectors, inheritance), the
 * advice inlined into them, and the ByteBuddy agent that applies it at class loading and by
 * retransformation.
 */
package dev.reclaimer.agent.transform;
