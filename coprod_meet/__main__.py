from coprod_meet.cli import main

raise SystemExit(main())
