/* fixture: a folder that is no subsystem */
