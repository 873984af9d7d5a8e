/* Fixture for tests/check_rule_ids.cmake (never compiled). */
cmocka_unit_test(rule_P_priority_preemptive_preempts),
