import { render } from 'preact';
import { LibraryPage } from '../../components/library/LibraryPage';
import '../../components/theme.css';
import '../../components/app.css';
import '../../components/library/library.css';

render(<LibraryPage />, document.getElementById('app') as HTMLElement);
