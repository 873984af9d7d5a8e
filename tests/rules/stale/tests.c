/* Fixture for tests/check_rule_ids.cmake (never compiled). */
cmocka_unit_test(rule_A1_one_rule_holds),
cmocka_unit_test(rule_A1_B2_a_rule_that_is_gone),
