package dev.hallpass.facts;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The message as rules see it: who, where, when, with everything that depends on the school's
 * profile already worked out, so that rules never hold hours, rosters or thresholds themselves.
 * The text itself is not a fact: rules see what detectors found in it ({@link Finding}).
 *
 * @param id the message id
 * @param channel where it would be posted
 * @param role the sender's role
 * @param audience who can read the channel
 * @param classId the message's class id, or "" when none was given
 * @param classTeachersListed true when the profile lists teachers for that class
 * @param senderTeachesClass true when the sender's id is among that class's teachers
 * @param duringWorkingHours true when sent inside the profile's working hours on an open day
 * @param localDate the date where the school is
 * @param localTime the time of day where the school is
 * @param dayOfWeek the day of the week where the school is
 * @param attachmentCount how many files are attached
 */
public record Message(
        String id,
        Channel channel,
        Role role,
        Audience audience,
        String classId,
        boolean classTeachersListed,
        boolean senderTeachesClass,
        boolean duringWorkingHours,
        LocalDate localDate,
        LocalTime localTime,
        DayOfWeek dayOfWeek,
        int attachmentCount) {}
