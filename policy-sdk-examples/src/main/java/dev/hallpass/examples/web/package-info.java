/**
 * A small messaging web app on the JDK's HTTP server: the page checks a draft as the sender types,
 * shows the decision's summary tip with each clause's reason collapsed under it, highlights the words
 * that triggered it, offers the route the policy gives and, where the engine offers one, the draft
 * with children's names replaced ("Post without the name"). Drafts are dated by a clock in the
 * school's timezone that the page can set. The server only "sends" what the decision allows. Run {@link
 * dev.hallpass.examples.web.PolicyWebApp#main(String[])}.
 */
package dev.hallpass.examples.web;
