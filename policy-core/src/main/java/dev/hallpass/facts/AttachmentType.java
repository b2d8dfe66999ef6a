package dev.hallpass.facts;

/** The kind of file attached to a message. */
public enum AttachmentType {
    PHOTO, VIDEO, DOCUMENT, OTHER
}
