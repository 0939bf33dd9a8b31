"""Loading and checking questionnaire files: YAML read line-aware, shapes and references
checked, every problem reported as ``FILE:LINE: where: what`` (``problems.QuestionnaireError``),
and the walk that finds questions no answer can reveal."""
