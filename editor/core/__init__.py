"""Pure-Python core of Byline, never Qt: post/ (the format), safety/ (storage, journal,
history), site/, index/, images/, render/; here errors and the user folders."""
