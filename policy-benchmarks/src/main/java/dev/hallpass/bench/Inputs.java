package dev.hallpass.bench;

import dev.hallpass.Attachment;
import dev.hallpass.facts.Channel;
import dev.hallpass.ProposedMessage;
import dev.hallpass.facts.Role;
import dev.hallpass.Sender;
import java.time.Instant;
import java.util.List;

/**
 * The messages every benchmark evaluates, in one place so that {@link HandCodedPolicy} and its
 * equality test see exactly what the engine sees. All are for the seed profile ({@code
 * SchoolProfile.builtIn()}: Oakfield, Europe/London, Monday–Friday 8:00–17:00).
 */
public final class Inputs {
    private Inputs() {}

    /** Wednesday 10 March 2027, 10:15 in London (GMT): inside working hours on an open day. */
    public static final Instant WORKING_HOURS = Instant.parse("2027-03-10T10:15:00Z");
    /** Wednesday 10 March 2027, 21:40 in London: outside working hours. */
    public static final Instant EVENING = Instant.parse("2027-03-10T21:40:00Z");

    /**
     * The typical message (about 200 characters): a parent in Oak's class chat names a child on the
     * roster, reports an absence and gives a phone number, in working hours. Three findings, three
     * clauses (5.4, 3.2.1, 4.12), REDIRECT to the school office.
     */
    public static final ProposedMessage TYPICAL = new ProposedMessage("m-typical", Channel.CLASS_CHAT,
            new Sender("p-17", Role.PARENT), "oak",
            "Hi everyone, Amelia Khan is off sick today so she will miss the class trip. "
                    + "If anyone picked up her blue reading folder by mistake, could you text me on 07700 900123? "
                    + "Thank you so much!",
            List.of(), WORKING_HOURS);

    /** {@link #TYPICAL} as one line of the contract's message JSON, as the CLI and {@code serve} read it. */
    public static String typicalJson() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m = json.createObjectNode();
        m.put("id", TYPICAL.id());
        m.put("channel", TYPICAL.channel().name());
        m.putObject("sender").put("id", TYPICAL.sender().id()).put("role", TYPICAL.sender().role().name());
        m.put("classId", TYPICAL.classId());
        m.put("text", TYPICAL.text());
        m.put("sentAt", TYPICAL.sentAt().toString());
        try {
            return json.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A small set of varied typical messages: one per common shape of decision (redirects of each
     * route, warn with obligations, block, allow with an obligation, plain allow).
     */
    public static final List<ProposedMessage> VARIED = List.of(
            TYPICAL,
            new ProposedMessage("m-thanks", Channel.PRIVATE_CHAT, new Sender("p-3", Role.PARENT), "ash",
                    "Thank you for the lovely photos from the forest school session this week. "
                            + "We talked about the woodland walk all through dinner. See you at parents evening.",
                    List.of(), WORKING_HOURS),
            new ProposedMessage("m-reminder", Channel.CLASS_CHAT, new Sender("t-oak", Role.TEACHER), "oak",
                    "Reminder for Thursday: PE kit in school please, and library books back by Friday. "
                            + "Spellings are on the sheet in book bags this week.",
                    List.of(), WORKING_HOURS),
            new ProposedMessage("m-urgent", Channel.PRIVATE_CHAT, new Sender("p-9", Role.PARENT), "willow",
                    "Please can someone call me back urgently about the trip forms, I need an answer today.",
                    List.of(), WORKING_HOURS),
            new ProposedMessage("m-rude", Channel.CLASS_CHAT, new Sender("p-4", Role.PARENT), "ash",
                    "This is a joke. The homework this week was pathetic and the teacher is useless.",
                    List.of(), EVENING),
            new ProposedMessage("m-hlta", Channel.CLASS_CHAT, new Sender("h-1", Role.HLTA), "oak",
                    "Good morning, I am covering Oak Class today. Please remember water bottles.",
                    List.of(), WORKING_HOURS),
            new ProposedMessage("m-medicine", Channel.PRIVATE_CHAT, new Sender("p-11", Role.PARENT), "oak",
                    "The doctor has changed the dose of his inhaler from this week, two puffs twice a day now.",
                    List.of(), WORKING_HOURS),
            new ProposedMessage("m-photo", Channel.CLASS_CHAT, new Sender("p-6", Role.PARENT), "willow",
                    "Look what we made at the weekend for the bake sale!",
                    List.of(Attachment.photo("cakes.jpg")), WORKING_HOURS));

    /** The trigger sentence of the long texts: a roster name, an absence (twice) and a phone number. */
    public static final String SENTENCE =
            "Oliver Smith has a tummy bug so he is off school today, please ring me on 07700 900456. ";

    /**
     * The paragraph repeated to make the long texts (959 characters): {@link #SENTENCE} then nine
     * benign sentences of a chatty parent, so a long text carries four findings per kilobyte, as a
     * pasted letter might. (Every sentence a trigger is not realistic, and at 1 MB it makes more
     * than the engine's 10,000 rule firings per message: the engine then answers WARN "unchecked".)
     */
    public static final String PARAGRAPH = SENTENCE
            + "We had a lovely weekend at the seaside and the children built an enormous sandcastle together. "
            + "The reading books came home on Monday and we have been practising every evening after tea. "
            + "Thank you for organising the class assembly, the songs were wonderful and everyone enjoyed them. "
            + "The spellings this week look tricky but we are working through them slowly with flashcards. "
            + "Could you let us know which day the library books need to go back to school? "
            + "We are looking forward to the harvest festival and the nature walk in the woods next month. "
            + "The homework project about volcanoes was great fun and the model is nearly finished now. "
            + "Thanks again to all the staff for the brilliant school trip to the museum last week. "
            + "Have a good evening everyone and see you at the gates tomorrow morning. "
            + "The class photos look fantastic and we have ordered a copy for the grandparents. ";

    /**
     * A class-chat parent message of about {@code bytes} characters (ASCII, so bytes): {@link
     * #PARAGRAPH} repeated and cut at a word boundary, so the triggers grow with the length. At 100
     * bytes it is {@link #SENTENCE} alone.
     */
    public static ProposedMessage ofLength(int bytes) {
        return new ProposedMessage("m-len-" + bytes, Channel.CLASS_CHAT, new Sender("p-2", Role.PARENT), "oak",
                repeat(PARAGRAPH, bytes), List.of(), WORKING_HOURS);
    }

    /** {@code unit} repeated to at most {@code bytes} characters, cut at a word boundary. */
    static String repeat(String unit, int bytes) {
        StringBuilder sb = new StringBuilder(bytes + unit.length());
        while (sb.length() + unit.length() <= bytes) {
            sb.append(unit);
        }
        if (sb.length() < bytes) {
            String tail = unit.substring(0, bytes - sb.length());
            int cut = tail.lastIndexOf(' ');
            sb.append(cut > 0 ? tail.substring(0, cut) : tail);
        }
        return sb.toString().strip();
    }
}
