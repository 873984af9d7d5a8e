/* fixture: a public header no subsystem owns */
