/**
 * A small messaging web app on the JDK's HTTP server: the page checks a draft as the sender types,
 * shows the policy tip, highlights the words that triggered it and offers the route the policy
 * gives; the server only "sends" what the decision allows. Run {@link
 * dev.hallpass.examples.web.PolicyWebApp#main(String[])}.
 */
package dev.hallpass.examples.web;
