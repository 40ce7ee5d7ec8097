"""SCORM packages of the training for a company's learning management system.

`make lms` builds the site for file links (as `make offline` does), then
`python -m mkdocs_training lms` packs it: per module and language a SCORM 1.2 and a
SCORM 2004 4th edition zip, and per language the whole training with each
module a SCO. The rooms:

- modules.py: which modules there are, in what order, and their mastery score
  (front matter `mastery_score`, checked here);
- page.py: a built module page made self-contained for a package;
- manifest.py: imsmanifest.xml for either SCORM version;
- package.py: the zips;
- limits.py: what a module's record takes up, against each version's limits;
- scorm.js: the runtime each packaged page loads; it talks to the LMS, with
  scorm-record.js (the record's format in each version) loaded just before it.
"""
