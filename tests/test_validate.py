from flashpoint.validate import span_problems


def test_span_problems_finds_a_span_that_does_not_slice_back():
    record = {
        "article": {"text": "Iran met Iraq."},
        "actors": [
            {
                "mentions": [
                    {"start": 0, "end": 4, "text": "Iran"},
                    {"start": 9, "end": 13, "text": "Iran"},
                ]
            }
        ],
    }
    problems = span_problems(record)
    assert len(problems) == 1 and "actors[0].mentions[1]" in problems[0]
