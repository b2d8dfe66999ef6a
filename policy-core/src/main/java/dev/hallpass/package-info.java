/**
 * Hallpass: a school's acceptable use policy for parent–teacher messaging, as executable rules.
 *
 * <p>Hosts build a {@link dev.hallpass.PolicyEngine} once, with a {@link dev.hallpass.SchoolProfile},
 * and ask it about each {@link dev.hallpass.ProposedMessage} before sending. The {@link
 * dev.hallpass.Decision} says ALLOW, WARN, REDIRECT or BLOCK, with one {@link dev.hallpass.Reason}
 * per clause that applied, the tip to show, and the {@link dev.hallpass.Evidence} behind it.
 */
package dev.hallpass;
