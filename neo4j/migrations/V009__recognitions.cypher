// Recognitions (awards, titles, rankings a report gives a school or program), loaded
// from the seeds: merged by their id like every other seeded node.
CREATE CONSTRAINT recognition_id IF NOT EXISTS FOR (r:Recognition) REQUIRE r.id IS UNIQUE;
